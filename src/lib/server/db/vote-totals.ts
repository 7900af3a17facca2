import { eq } from 'drizzle-orm';
import type { Db } from '.';
import { topicVoteTotals } from './schema';

/**
 * Reads a vote's raw totals. Internal to the one gate: only results.ts imports this module, and
 * it decides whether the totals may be shown (tests/integration/one-gate.test.ts checks both).
 */
export function rawTotals(db: Db, sessionId: number): Map<string, number> {
	const rows = db
		.select({ optionId: topicVoteTotals.optionId, votes: topicVoteTotals.votes })
		.from(topicVoteTotals)
		.where(eq(topicVoteTotals.sessionId, sessionId))
		.all();
	return new Map(rows.map((r) => [r.optionId, r.votes]));
}
