import type { Db } from '.';

/**
 * Runs `work` in a transaction that takes the write lock at its start (BEGIN IMMEDIATE). Every
 * transaction here writes, and most read first. A deferred transaction that reads and then writes
 * fails at once with "database is locked" when another connection (a second app process, a
 * maintenance script, a backup restore) committed in between: its snapshot is stale, and SQLite
 * cannot wait that out. An immediate transaction waits for the lock (busy_timeout) instead.
 */
export function writeTransaction<T>(db: Db, work: (tx: Db) => T): T {
	return db.transaction(work, { behavior: 'immediate' });
}
