import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { appRoot } from '../paths';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import * as schema from './schema';

/** What the verb modules take: the connection or a transaction on it. */
export type Db = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>;

/** The open connection, with the raw better-sqlite3 client for pragmas, backups and closing. */
export type Connection = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * Opens (creating if needed) the SQLite file and applies the committed migrations.
 * synchronous=FULL in WAL mode: an acknowledged answer survives a power cut, not only a crash.
 */
export function openDatabase(path: string): Connection {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const client = new Database(path);
	client.pragma('journal_mode = WAL');
	client.pragma('synchronous = FULL');
	client.pragma('foreign_keys = ON');
	client.pragma('busy_timeout = 5000');
	const db = drizzle({ client, schema });
	migrate(db, { migrationsFolder: join(appRoot(), 'migrations') });
	return db;
}

/** True when a trivial query succeeds: used by /healthz. */
export function isReachable(db: Db): boolean {
	try {
		return db.get<{ ok: number }>(sql`SELECT 1 AS ok`)?.ok === 1;
	} catch {
		return false;
	}
}
