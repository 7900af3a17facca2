import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { aggregateSession } from '$lib/domain/aggregates';
import type { ResponseRecord } from '$lib/domain/scoring';
import type { Db } from '.';
import { writeTransaction } from './transaction';
import { definition } from './questionnaire-versions';
import {
	answers,
	assignmentAnswers,
	desiredAnswers,
	responses,
	sessionAggregates,
	sessions
} from './schema';

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
	const desiredRows = db
		.select({
			responseId: desiredAnswers.responseId,
			dimensionId: desiredAnswers.dimensionId,
			value: desiredAnswers.value,
			dontKnow: desiredAnswers.dontKnow
		})
		.from(desiredAnswers)
		.innerJoin(responses, eq(responses.id, desiredAnswers.responseId))
		.where(and(eq(responses.sessionId, sessionId), isNotNull(responses.submittedAt)))
		.all();
	const assignmentRows = db
		.select({
			responseId: assignmentAnswers.responseId,
			itemId: assignmentAnswers.itemId,
			answer: assignmentAnswers.answer
		})
		.from(assignmentAnswers)
		.innerJoin(responses, eq(responses.id, assignmentAnswers.responseId))
		.where(and(eq(responses.sessionId, sessionId), isNotNull(responses.submittedAt)))
		.all();
	const byResponse = new Map<number, Required<ResponseRecord>>(
		submittedIds.map((r) => [r.id, { answers: [], desired: [], assignment: [] }])
	);
	for (const { responseId, ...assignment } of assignmentRows) {
		byResponse.get(responseId)?.assignment.push(assignment);
	}
	for (const { responseId, ...answer } of rows) byResponse.get(responseId)?.answers.push(answer);
	for (const { responseId, ...desired } of desiredRows) {
		byResponse.get(responseId)?.desired.push(desired);
	}
	return [...byResponse.values()];
}

/**
 * Computes and stores a session's figures from its submitted responses; `partial` says how many
 * of them were counted at closing without being sent. Only db/results.ts reads them back. Called in the same
 * transaction that closes the session, so a closed session never lacks them.
 */
export function store(db: Db, sessionId: number, now = new Date(), partial = 0): void {
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
		partial,
		dimensions: JSON.stringify(figures.dimensions),
		items: JSON.stringify(figures.items),
		taskProfile: JSON.stringify(figures.taskProfile),
		itemScores: JSON.stringify(figures.itemScores),
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
	writeTransaction(db, (tx) => {
		for (const { id } of missing) store(tx, id);
		// Figures stored before item_scores existed: derived in SQL from the statement figures in
		// the same row, in the shape of domain/aggregates.ts's itemScores (their order does not
		// matter: a dimension's figure sums over them). Nothing leaves the database here.
		tx.run(sql`UPDATE ${sessionAggregates} SET item_scores = (
			SELECT json_group_array(json_array(s.value ->> 'dimensionId', s.value ->> 'n',
				s.value ->> 'mean', s.value ->> 'sd'))
			FROM json_each(${sessionAggregates.items}) AS s
		) WHERE item_scores IS NULL`);
	});
	return missing.length;
}
