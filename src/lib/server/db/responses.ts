import type { AssignmentValue } from '$lib/domain/task-assignment';
import { and, eq, sql } from 'drizzle-orm';
import type { ResponseCounts } from '$lib/domain/response-counts';
import { prepared } from './prepared';
import { RESUME_CODE_LENGTH } from '$lib/domain/codes';
import { hashToken, randomToken, secureRandomCode } from '../tokens';
import type { Db } from '.';
import { writeTransaction } from './transaction';
import { answers, assignmentAnswers, comments, desiredAnswers, responses } from './schema';

export interface AnswerInput {
	itemId: string;
	/** null when not (yet) scored or "weet ik niet" */
	value: number | null;
	dontKnow: boolean;
	flagged: boolean;
}

/** A dimension's "gewenst" answer; neither a value nor "weet ik niet" removes it. */
/** "Hoort dit bij de opdracht?" for one task; null removes an earlier answer. */
export interface AssignmentInput {
	itemId: string;
	answer: AssignmentValue | null;
}

export interface DesiredInput {
	dimensionId: string;
	value: number | null;
	dontKnow: boolean;
}

export interface CommentInput {
	dimensionId: string;
	/** an empty body removes the comment */
	body: string;
}

/** Starts an anonymous response. The token and resume code are returned once, stored only hashed. */
export function start(
	db: Db,
	sessionId: number,
	now = new Date()
): { id: number; token: string; resumeCode: string } {
	const token = randomToken();
	for (;;) {
		const resumeCode = secureRandomCode(RESUME_CODE_LENGTH);
		const row = db
			.insert(responses)
			.values({
				sessionId,
				tokenHash: hashToken(token),
				resumeCodeHash: hashToken(resumeCode),
				startedAt: now
			})
			.onConflictDoNothing()
			.returning({ id: responses.id })
			.get();
		if (row) return { id: row.id, token, resumeCode };
	}
}

const responseColumns = {
	id: responses.id,
	sessionId: responses.sessionId,
	submittedAt: responses.submittedAt
};

export function findByToken(db: Db, token: string) {
	return prepared(db, 'responses.findByToken', () =>
		db
			.select(responseColumns)
			.from(responses)
			.where(eq(responses.tokenHash, sql.placeholder('hash')))
			.prepare()
	).get({ hash: hashToken(token) });
}

export function findByResumeCode(db: Db, resumeCode: string) {
	return db
		.select(responseColumns)
		.from(responses)
		.where(eq(responses.resumeCodeHash, hashToken(resumeCode)))
		.get();
}

/** Gives a resumed response a new cookie token, so the old device's cookie no longer works. */
export function rotateToken(db: Db, responseId: number): string {
	const token = randomToken();
	db.update(responses)
		.set({ tokenHash: hashToken(token) })
		.where(eq(responses.id, responseId))
		.run();
	return token;
}

/**
 * Saves a page of answers and comments in one transaction: when this returns, all of it is
 * committed (and with synchronous=FULL, on disk), so the caller may acknowledge it.
 */
export function saveAnswers(
	db: Db,
	responseId: number,
	answerInputs: AnswerInput[],
	commentInputs: CommentInput[] = [],
	desiredInputs: DesiredInput[] = [],
	assignmentInputs: AssignmentInput[] = []
): void {
	const q = statements(db);
	writeTransaction(db, () => {
		for (const answer of answerInputs) {
			const empty = answer.value === null && !answer.dontKnow && !answer.flagged;
			if (empty) q.deleteAnswer.run({ responseId, itemId: answer.itemId });
			else q.upsertAnswer.run({ responseId, ...answer });
		}
		for (const comment of commentInputs) {
			if (comment.body === '')
				q.deleteComment.run({ responseId, dimensionId: comment.dimensionId });
			else q.upsertComment.run({ responseId, ...comment });
		}
		for (const desired of desiredInputs) {
			if (desired.value === null && !desired.dontKnow)
				q.deleteDesired.run({ responseId, dimensionId: desired.dimensionId });
			else
				q.upsertDesired.run({
					responseId,
					...desired,
					value: desired.dontKnow ? null : desired.value
				});
		}
		for (const { itemId, answer } of assignmentInputs) {
			if (answer === null) q.deleteAssignment.run({ responseId, itemId });
			else q.upsertAssignment.run({ responseId, itemId, answer });
		}
	});
}

/** The save's statements, prepared once per connection; they run inside the caller's transaction. */
function statements(db: Db) {
	return prepared(db, 'responses.save', () => ({
		upsertAnswer: db
			.insert(answers)
			.values({
				responseId: sql.placeholder('responseId'),
				itemId: sql.placeholder('itemId'),
				value: sql.placeholder('value'),
				dontKnow: sql.placeholder('dontKnow'),
				flagged: sql.placeholder('flagged')
			})
			.onConflictDoUpdate({
				target: [answers.responseId, answers.itemId],
				set: {
					value: sql`excluded.value`,
					dontKnow: sql`excluded.dont_know`,
					flagged: sql`excluded.flagged`
				}
			})
			.prepare(),
		deleteAnswer: db
			.delete(answers)
			.where(
				and(
					eq(answers.responseId, sql.placeholder('responseId')),
					eq(answers.itemId, sql.placeholder('itemId'))
				)
			)
			.prepare(),
		upsertComment: db
			.insert(comments)
			.values({
				responseId: sql.placeholder('responseId'),
				dimensionId: sql.placeholder('dimensionId'),
				body: sql.placeholder('body')
			})
			.onConflictDoUpdate({
				target: [comments.responseId, comments.dimensionId],
				set: { body: sql`excluded.body` }
			})
			.prepare(),
		deleteComment: db
			.delete(comments)
			.where(
				and(
					eq(comments.responseId, sql.placeholder('responseId')),
					eq(comments.dimensionId, sql.placeholder('dimensionId'))
				)
			)
			.prepare(),
		upsertDesired: db
			.insert(desiredAnswers)
			.values({
				responseId: sql.placeholder('responseId'),
				dimensionId: sql.placeholder('dimensionId'),
				value: sql.placeholder('value'),
				dontKnow: sql.placeholder('dontKnow')
			})
			.onConflictDoUpdate({
				target: [desiredAnswers.responseId, desiredAnswers.dimensionId],
				set: { value: sql`excluded.value`, dontKnow: sql`excluded.dont_know` }
			})
			.prepare(),
		upsertAssignment: db
			.insert(assignmentAnswers)
			.values({
				responseId: sql.placeholder('responseId'),
				itemId: sql.placeholder('itemId'),
				answer: sql.placeholder('answer')
			})
			.onConflictDoUpdate({
				target: [assignmentAnswers.responseId, assignmentAnswers.itemId],
				set: { answer: sql`excluded.answer` }
			})
			.prepare(),
		deleteAssignment: db
			.delete(assignmentAnswers)
			.where(
				and(
					eq(assignmentAnswers.responseId, sql.placeholder('responseId')),
					eq(assignmentAnswers.itemId, sql.placeholder('itemId'))
				)
			)
			.prepare(),
		deleteDesired: db
			.delete(desiredAnswers)
			.where(
				and(
					eq(desiredAnswers.responseId, sql.placeholder('responseId')),
					eq(desiredAnswers.dimensionId, sql.placeholder('dimensionId'))
				)
			)
			.prepare()
	}));
}

export function answersOf(db: Db, responseId: number) {
	return db
		.select({
			itemId: answers.itemId,
			value: answers.value,
			dontKnow: answers.dontKnow,
			flagged: answers.flagged
		})
		.from(answers)
		.where(eq(answers.responseId, responseId))
		.all();
}

/** A response's "gewenst" answers, one per dimension answered. */
export function desiredOf(db: Db, responseId: number) {
	return db
		.select({
			dimensionId: desiredAnswers.dimensionId,
			value: desiredAnswers.value,
			dontKnow: desiredAnswers.dontKnow
		})
		.from(desiredAnswers)
		.where(eq(desiredAnswers.responseId, responseId))
		.all();
}

/** A response's "hoort dit bij de opdracht?" answers (takenprofiel v2), one per task answered. */
export function assignmentOf(db: Db, responseId: number) {
	return db
		.select({ itemId: assignmentAnswers.itemId, answer: assignmentAnswers.answer })
		.from(assignmentAnswers)
		.where(eq(assignmentAnswers.responseId, responseId))
		.all();
}

export function commentsOf(db: Db, responseId: number) {
	return db
		.select({ dimensionId: comments.dimensionId, body: comments.body })
		.from(comments)
		.where(eq(comments.responseId, responseId))
		.all();
}

/** Marks the response submitted; a second submit keeps the first time. */
export function submit(db: Db, responseId: number, now = new Date()): void {
	db.update(responses)
		.set({ submittedAt: sql`coalesce(${responses.submittedAt}, ${now.getTime()})` })
		.where(eq(responses.id, responseId))
		.run();
}

/** A response with at least one score or "weet ik niet": closing counts it, sent or not. */
export const hasAnswer = sql`EXISTS (SELECT 1 FROM ${answers} WHERE ${answers.responseId} = ${responses.id} AND (${answers.value} IS NOT NULL OR ${answers.dontKnow} = 1))`;

/**
 * Counts for the facilitator's live view, before and while closing. Only counts: nothing about
 * any single response. `quickBelowMs` is the fill-in time below which a sent one counts as quick.
 */
export function countsForSession(db: Db, sessionId: number, quickBelowMs = 0): ResponseCounts {
	const row = db
		.select({
			started: sql<number>`count(*)`,
			submitted: sql<number>`count(${responses.submittedAt})`,
			partial: sql<number>`count(*) FILTER (WHERE ${responses.submittedAt} IS NULL AND ${hasAnswer})`,
			quick: sql<number>`count(*) FILTER (WHERE ${responses.submittedAt} - ${responses.startedAt} < ${quickBelowMs})`
		})
		.from(responses)
		.where(eq(responses.sessionId, sessionId))
		.get()!;
	return {
		...row,
		empty: row.started - row.submitted - row.partial,
		counted: row.submitted + row.partial
	};
}
