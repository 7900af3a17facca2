import { lt } from 'drizzle-orm';
import type { Db } from './db';
import { writeTransaction } from './db/transaction';
import * as audit from './db/audit';
import { responses } from './db/schema';

/** The moment before which responses are purged: `months` calendar months before `now`. */
export function retentionCutoff(now: Date, months: number): Date {
	const cutoff = new Date(now);
	cutoff.setMonth(cutoff.getMonth() - months);
	return cutoff;
}

/**
 * Deletes responses (with their answers and comments) started before the cutoff, and logs it.
 * Sessions, conclusions and verbeteracties stay: they hold no individual answers.
 */
export function purgeResponses(db: Db, months: number, now = new Date()): number {
	const cutoff = retentionCutoff(now, months);
	return writeTransaction(db, (tx) => {
		const removed = tx.delete(responses).where(lt(responses.startedAt, cutoff)).run().changes;
		if (removed > 0) {
			audit.record(
				tx,
				'systeem',
				'bewaartermijn',
				`${removed} ingevulde vragenlijsten van vóór ${cutoff.toISOString().slice(0, 10)} verwijderd (bewaartermijn ${months} maanden)`,
				now
			);
		}
		return removed;
	});
}
