import { and, count, eq, isNotNull } from 'drizzle-orm';
import type { SessionAggregates } from '$lib/domain/aggregates';
import { meetsAnonymityRule } from '$lib/domain/scoring';
import type { Db } from '.';
import * as aggregates from './aggregates';
import { comments, responses, sessions } from './schema';
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
			figures: SessionAggregates;
			/** comment bodies per dimension, in random order, without times or respondents */
			comments: Map<string, string[]>;
	  };

/**
 * A session's figures, but only when the anonymity rule allows: closed, and at least the minimum
 * number of submitted responses. Below that, only the count leaves the database layer. The
 * figures were computed when the session closed; no single answer ever leaves this module.
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
	const stored = session.status === 'closed' ? aggregates.get(db, sessionId) : undefined;
	// An open session's count is live; a closed one's is the count its figures were made from.
	const submitted = stored?.submitted ?? countSubmitted(db, sessionId);
	const base = { submitted, minRespondents: session.minRespondents };
	if (!stored || !meetsAnonymityRule(session, submitted)) {
		return { visible: false, status: session.status, ...base };
	}
	const figures = {
		dimensions: stored.dimensions,
		items: stored.items,
		taskProfile: stored.taskProfile
	};

	const commentRows = !options.comments
		? []
		: db
				.select({ dimensionId: comments.dimensionId, body: comments.body })
				.from(comments)
				.innerJoin(responses, eq(responses.id, comments.responseId))
				.where(and(eq(responses.sessionId, sessionId), isNotNull(responses.submittedAt)))
				.all();
	// Shuffled: the order of comments must not follow the order people answered in.
	const byDimension = new Map<string, string[]>();
	for (const { dimensionId, body } of shuffle(commentRows, random)) {
		byDimension.set(dimensionId, [...(byDimension.get(dimensionId) ?? []), body]);
	}

	markResultsShown(db, sessionId);
	return { visible: true, ...base, figures, comments: byDimension };
}

function countSubmitted(db: Db, sessionId: number): number {
	return db
		.select({ n: count() })
		.from(responses)
		.where(and(eq(responses.sessionId, sessionId), isNotNull(responses.submittedAt)))
		.get()!.n;
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
