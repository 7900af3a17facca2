import { desc } from 'drizzle-orm';
import type { Db } from '.';
import { auditLog } from './schema';

/** Who: a signed-in user, or the system itself (retention purges). */
export type Who = { id: number; email: string } | 'systeem';

/** Writes one line to the audit log; call it in the same transaction as the change it records. */
export function record(db: Db, who: Who, action: string, subject: string, at = new Date()): void {
	db.insert(auditLog)
		.values({
			at,
			userId: who === 'systeem' ? null : who.id,
			userEmail: who === 'systeem' ? 'systeem' : who.email,
			action,
			subject
		})
		.run();
}

export function latest(db: Db, limit = 200) {
	return db
		.select()
		.from(auditLog)
		.orderBy(desc(auditLog.at), desc(auditLog.id))
		.limit(limit)
		.all();
}
