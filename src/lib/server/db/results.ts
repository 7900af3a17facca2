import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { meetsAnonymityRule, type ResponseRecord } from '$lib/domain/scoring';
import type { Db } from '.';
import { answers, comments, responses, sessions } from './schema';
import { markResultsShown } from './sessions';

export type SessionData =
	| {
			visible: false;
			submitted: number;
			minRespondents: number;
			status: 'draft' | 'open' | 'closed';
	  }
	| {
			visible: true;
			submitted: number;
			minRespondents: number;
			responses: ResponseRecord[];
			/** comment bodies per dimension, in random order, without times or respondents */
			comments: Map<string, string[]>;
	  };

/**
 * The answers of a session, but only when the anonymity rule allows: closed, and at least the
 * minimum number of submitted responses. Below that, only the counts leave the database layer.
 * Reading them marks the results as shown, after which the session cannot be reopened.
 */
export function forSession(
	db: Db,
	sessionId: number,
	random: () => number = Math.random,
	options: { comments: boolean } = { comments: true }
): SessionData {
	const session = db.select().from(sessions).where(eq(sessions.id, sessionId)).get();
	if (!session) throw new Error(`Sessie ${sessionId} bestaat niet`);
	const submittedIds = db
		.select({ id: responses.id })
		.from(responses)
		.where(and(eq(responses.sessionId, sessionId), isNotNull(responses.submittedAt)))
		.all()
		.map((r) => r.id);
	const base = { submitted: submittedIds.length, minRespondents: session.minRespondents };
	if (!meetsAnonymityRule(session, submittedIds.length)) {
		return { visible: false, status: session.status, ...base };
	}
	const rows = db
		.select({
			responseId: answers.responseId,
			itemId: answers.itemId,
			value: answers.value,
			dontKnow: answers.dontKnow,
			flagged: answers.flagged
		})
		.from(answers)
		.innerJoin(responses, eq(responses.id, answers.responseId))
		.where(and(eq(responses.sessionId, sessionId), isNotNull(responses.submittedAt)))
		.orderBy(asc(answers.responseId))
		.all();
	const byResponse = new Map<number, ResponseRecord>(
		submittedIds.map((id) => [id, { answers: [] }])
	);
	for (const { responseId, ...answer } of rows) byResponse.get(responseId)?.answers.push(answer);

	const commentRows = !options.comments
		? []
		: db
				.select({ dimensionId: comments.dimensionId, body: comments.body })
				.from(comments)
				.innerJoin(responses, eq(responses.id, comments.responseId))
				.where(and(eq(responses.sessionId, sessionId), isNotNull(responses.submittedAt)))
				.all();
	const byDimension = new Map<string, string[]>();
	for (const { dimensionId, body } of shuffle(commentRows, random)) {
		byDimension.set(dimensionId, [...(byDimension.get(dimensionId) ?? []), body]);
	}

	markResultsShown(db, sessionId);
	// Shuffled too: the order of respondents must not line up with the order of comments.
	return {
		visible: true,
		...base,
		responses: shuffle([...byResponse.values()], random),
		comments: byDimension
	};
}

/** Fisher-Yates; the order of rows would otherwise follow the order people answered in. */
function shuffle<T>(items: T[], random: () => number): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}
