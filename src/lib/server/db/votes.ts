import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { VoteOption, VoteSubject } from '$lib/domain/topic-vote';
import type { Db } from '.';
import { writeTransaction } from './transaction';
import { topicVoters, topicVoteTotals, topicVotes } from './schema';

/**
 * A session's topic vote: opening, voting, closing. Votes only add to running totals; who voted
 * is kept apart from what was chosen, so no row links a person to a choice. The totals are read
 * back only through the one gate (results.ts), under the anonymity rule.
 */

export interface TopicVote {
	subject: VoteSubject;
	options: VoteOption[];
	votesEach: number;
	openedAt: Date;
	closedAt: Date | null;
	/** how many people voted: a count, shown live like the count of sent questionnaires */
	voters: number;
}

/** The session's vote, if one was opened. */
export function get(db: Db, sessionId: number): TopicVote | undefined {
	const vote = db.select().from(topicVotes).where(eq(topicVotes.sessionId, sessionId)).get();
	if (!vote) return undefined;
	const { subject, options, votesEach, openedAt, closedAt } = vote;
	return { subject, options, votesEach, openedAt, closedAt, voters: voterCount(db, sessionId) };
}

export function voterCount(db: Db, sessionId: number): number {
	return (
		db.select({ n: count() }).from(topicVoters).where(eq(topicVoters.sessionId, sessionId)).get()
			?.n ?? 0
	);
}

/** Opens the session's one vote; false when it already has one. */
export function open(
	db: Db,
	sessionId: number,
	vote: { subject: VoteSubject; options: VoteOption[]; votesEach: number },
	now = new Date()
): boolean {
	const result = db
		.insert(topicVotes)
		.values({ sessionId, ...vote, openedAt: now })
		.onConflictDoNothing()
		.run();
	return result.changes === 1;
}

/** Closes an open vote; false when there is none open. */
export function close(db: Db, sessionId: number, now = new Date()): boolean {
	const result = db
		.update(topicVotes)
		.set({ closedAt: now })
		.where(and(eq(topicVotes.sessionId, sessionId), isNull(topicVotes.closedAt)))
		.run();
	return result.changes === 1;
}

export function hasVoted(db: Db, sessionId: number, responseId: number): boolean {
	return (
		db
			.select({ id: topicVoters.responseId })
			.from(topicVoters)
			.where(and(eq(topicVoters.sessionId, sessionId), eq(topicVoters.responseId, responseId)))
			.get() !== undefined
	);
}

export type CastResult = 'geteld' | 'al-gestemd' | 'gesloten';

/**
 * Counts one respondent's choices, once: a second set from the same respondent is refused. The
 * caller has checked the choices against the vote's options (domain/topic-vote.ts).
 */
export function cast(
	db: Db,
	sessionId: number,
	responseId: number,
	choices: readonly string[]
): CastResult {
	return writeTransaction(db, (tx) => {
		const vote = tx
			.select({ closedAt: topicVotes.closedAt })
			.from(topicVotes)
			.where(eq(topicVotes.sessionId, sessionId))
			.get();
		if (!vote || vote.closedAt !== null) return 'gesloten';
		const voter = tx
			.insert(topicVoters)
			.values({ sessionId, responseId })
			.onConflictDoNothing()
			.run();
		if (voter.changes !== 1) return 'al-gestemd';
		for (const optionId of choices) {
			tx.insert(topicVoteTotals)
				.values({ sessionId, optionId, votes: 1 })
				.onConflictDoUpdate({
					target: [topicVoteTotals.sessionId, topicVoteTotals.optionId],
					set: { votes: sql`${topicVoteTotals.votes} + 1` }
				})
				.run();
		}
		return 'geteld';
	});
}
