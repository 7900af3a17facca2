import { count, eq, gt } from 'drizzle-orm';
import type { Connection } from '.';
import { sessions, userSessions } from './schema';

/**
 * Counts for /metrics: sizes and numbers only, never a name, code, answer or address. No figures:
 * those only come through the one gate, results.ts.
 */
export function operationalCounts(db: Connection, now = new Date()) {
	const pageCount = db.$client.pragma('page_count', { simple: true }) as number;
	const pageSize = db.$client.pragma('page_size', { simple: true }) as number;
	const freePages = db.$client.pragma('freelist_count', { simple: true }) as number;
	return {
		databaseBytes: pageCount * pageSize,
		freeBytes: freePages * pageSize,
		openSessions:
			db.select({ n: count() }).from(sessions).where(eq(sessions.status, 'open')).get()?.n ?? 0,
		loginSessions:
			db.select({ n: count() }).from(userSessions).where(gt(userSessions.expiresAt, now)).get()
				?.n ?? 0
	};
}
