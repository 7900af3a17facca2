import { and, eq, sql } from 'drizzle-orm';
import { RESUME_CODE_LENGTH } from '$lib/domain/codes';
import { hashToken, randomToken, secureRandomCode } from '../tokens';
import type { Db } from '.';
import { answers, comments, responses } from './schema';

export interface AnswerInput {
	itemId: string;
	/** null when not (yet) scored or "weet ik niet" */
	value: number | null;
	dontKnow: boolean;
	flagged: boolean;
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
	return db
		.select(responseColumns)
		.from(responses)
		.where(eq(responses.tokenHash, hashToken(token)))
		.get();
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
	commentInputs: CommentInput[] = []
): void {
	db.transaction((tx) => {
		for (const answer of answerInputs) {
			const empty = answer.value === null && !answer.dontKnow && !answer.flagged;
			if (empty) {
				tx.delete(answers)
					.where(and(eq(answers.responseId, responseId), eq(answers.itemId, answer.itemId)))
					.run();
				continue;
			}
			tx.insert(answers)
				.values({ responseId, ...answer })
				.onConflictDoUpdate({
					target: [answers.responseId, answers.itemId],
					set: { value: answer.value, dontKnow: answer.dontKnow, flagged: answer.flagged }
				})
				.run();
		}
		for (const comment of commentInputs) {
			if (comment.body === '') {
				tx.delete(comments)
					.where(
						and(eq(comments.responseId, responseId), eq(comments.dimensionId, comment.dimensionId))
					)
					.run();
				continue;
			}
			tx.insert(comments)
				.values({ responseId, ...comment })
				.onConflictDoUpdate({
					target: [comments.responseId, comments.dimensionId],
					set: { body: comment.body }
				})
				.run();
		}
	});
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

export function countsForSession(
	db: Db,
	sessionId: number
): { started: number; submitted: number } {
	const row = db
		.select({
			started: sql<number>`count(*)`,
			submitted: sql<number>`count(${responses.submittedAt})`
		})
		.from(responses)
		.where(eq(responses.sessionId, sessionId))
		.get();
	return { started: row?.started ?? 0, submitted: row?.submitted ?? 0 };
}
