import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { aggregateSession, type SessionAggregates } from '$lib/domain/aggregates';
import type { ResponseRecord } from '$lib/domain/scoring';
import type { Db } from '.';
import { definition } from './questionnaire-versions';
import { answers, responses, sessionAggregates, sessions } from './schema';

/** The answers of a session's submitted responses, grouped per response in id order. */
export function submittedResponses(db: Db, sessionId: number): ResponseRecord[] {
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
	const submittedIds = db
		.select({ id: responses.id })
		.from(responses)
		.where(and(eq(responses.sessionId, sessionId), isNotNull(responses.submittedAt)))
		.all();
	const byResponse = new Map<number, ResponseRecord>(
		submittedIds.map((r) => [r.id, { answers: [] }])
	);
	for (const { responseId, ...answer } of rows) byResponse.get(responseId)?.answers.push(answer);
	return [...byResponse.values()];
}

/**
 * Computes and stores a session's figures from its submitted responses. Called in the same
 * transaction that closes the session, so a closed session never lacks them.
 */
export function store(db: Db, sessionId: number, now = new Date()): void {
	const session = db
		.select({ versionId: sessions.questionnaireVersionId })
		.from(sessions)
		.where(eq(sessions.id, sessionId))
		.get();
	if (!session) throw new Error(`Sessie ${sessionId} bestaat niet`);
	const questionnaire = definition(db, session.versionId);
	if (!questionnaire) throw new Error(`Vragenlijstversie ${session.versionId} bestaat niet`);
	const submitted = submittedResponses(db, sessionId);
	const figures = aggregateSession(questionnaire, submitted);
	const row = {
		submitted: submitted.length,
		dimensions: JSON.stringify(figures.dimensions),
		items: JSON.stringify(figures.items),
		taskProfile: JSON.stringify(figures.taskProfile),
		computedAt: now
	};
	db.insert(sessionAggregates)
		.values({ sessionId, ...row })
		.onConflictDoUpdate({ target: sessionAggregates.sessionId, set: row })
		.run();
}

/** Removes a session's figures, when it is reopened and answers may still change. */
export function remove(db: Db, sessionId: number): void {
	db.delete(sessionAggregates).where(eq(sessionAggregates.sessionId, sessionId)).run();
}

/** The stored figures of one session, or undefined when it has none (it is not closed). */
export function get(
	db: Db,
	sessionId: number
): (SessionAggregates & { submitted: number }) | undefined {
	const row = db
		.select()
		.from(sessionAggregates)
		.where(eq(sessionAggregates.sessionId, sessionId))
		.get();
	if (!row) return undefined;
	return {
		submitted: row.submitted,
		dimensions: JSON.parse(row.dimensions),
		items: JSON.parse(row.items),
		taskProfile: JSON.parse(row.taskProfile)
	};
}

/** Which parts to read: comparisons need only the dimensions, exports need everything. */
export type AggregatePart = 'dimensions' | 'items' | 'taskProfile';

/** Stored figures of many sessions in one query, only the parts asked for. */
export function forSessions<P extends AggregatePart>(
	db: Db,
	sessionIds: readonly number[],
	parts: readonly P[]
): Map<number, Pick<SessionAggregates, P> & { submitted: number }> {
	const out = new Map<number, Pick<SessionAggregates, P> & { submitted: number }>();
	if (sessionIds.length === 0) return out;
	const columns = {
		sessionId: sessionAggregates.sessionId,
		submitted: sessionAggregates.submitted,
		dimensions: parts.includes('dimensions' as P) ? sessionAggregates.dimensions : sql<string>`''`,
		items: parts.includes('items' as P) ? sessionAggregates.items : sql<string>`''`,
		taskProfile: parts.includes('taskProfile' as P)
			? sessionAggregates.taskProfile
			: sql<string>`''`
	};
	// Chunks stay below SQLite's limit on bound parameters.
	for (let start = 0; start < sessionIds.length; start += 500) {
		const chunk = sessionIds.slice(start, start + 500);
		for (const row of db
			.select(columns)
			.from(sessionAggregates)
			.where(inArray(sessionAggregates.sessionId, chunk))
			.all()) {
			const entry: Record<string, unknown> = { submitted: row.submitted };
			for (const part of parts) entry[part] = JSON.parse(row[part]);
			out.set(row.sessionId, entry as Pick<SessionAggregates, P> & { submitted: number });
		}
	}
	return out;
}

/**
 * Closed sessions without figures get them: databases from before figures were stored, and
 * sessions that were closed by hand. Returns how many were computed.
 */
export function backfill(db: Db): number {
	const missing = db
		.select({ id: sessions.id })
		.from(sessions)
		.where(
			and(
				eq(sessions.status, 'closed'),
				sql`${sessions.id} NOT IN (SELECT session_id FROM ${sessionAggregates})`
			)
		)
		.all();
	db.transaction((tx) => {
		for (const { id } of missing) store(tx, id);
	});
	return missing.length;
}
