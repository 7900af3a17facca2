import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import * as responses from '$lib/server/db/responses';
import * as sessions from '$lib/server/db/sessions';
import { seedDemo, DEMO_JOIN_CODE } from '$lib/server/seed';
import { hashToken } from '$lib/server/tokens';
import { databaseWithQuestionnaires } from './helpers';

let temp: ReturnType<typeof databaseWithQuestionnaires>;
let sessionId: number;
beforeEach(() => {
	temp = databaseWithQuestionnaires();
	seedDemo(temp.db);
	sessionId = sessions.findByJoinCode(temp.db, DEMO_JOIN_CODE)!.id;
});
afterEach(() => temp.cleanup());

describe('responses', () => {
	it('stores only hashes of the token and the resume code', () => {
		const { id, token, resumeCode } = responses.start(temp.db, sessionId);
		const row = temp.db.$client.prepare('SELECT * FROM responses WHERE id = ?').get(id) as Record<
			string,
			unknown
		>;
		expect(Object.values(row)).not.toContain(token);
		expect(Object.values(row)).not.toContain(resumeCode);
		expect(row.token_hash).toBe(hashToken(token));
		expect(responses.findByToken(temp.db, token)?.id).toBe(id);
		expect(responses.findByResumeCode(temp.db, resumeCode)?.id).toBe(id);
		expect(responses.findByToken(temp.db, token + 'x')).toBeUndefined();
	});

	it('replaces answers on a second save and removes cleared ones', () => {
		const { id } = responses.start(temp.db, sessionId);
		responses.saveAnswers(temp.db, id, [
			{ itemId: 'ps-1', value: 1, dontKnow: false, flagged: true },
			{ itemId: 'ps-2', value: 2, dontKnow: false, flagged: false }
		]);
		responses.saveAnswers(temp.db, id, [
			{ itemId: 'ps-1', value: null, dontKnow: true, flagged: false },
			{ itemId: 'ps-2', value: null, dontKnow: false, flagged: false }
		]);
		expect(responses.answersOf(temp.db, id)).toEqual([
			{ itemId: 'ps-1', value: null, dontKnow: true, flagged: false }
		]);
	});

	it('stores a page of answers all or nothing', () => {
		const { id } = responses.start(temp.db, sessionId);
		expect(() =>
			responses.saveAnswers(temp.db, id, [
				{ itemId: 'ps-1', value: 3, dontKnow: false, flagged: false },
				// violates the check: a score and "weet ik niet" at once
				{ itemId: 'ps-2', value: 3, dontKnow: true, flagged: false }
			])
		).toThrow();
		expect(responses.answersOf(temp.db, id)).toEqual([]);
	});

	it('has an acknowledged save on disk for another connection at once', () => {
		const { id } = responses.start(temp.db, sessionId);
		responses.saveAnswers(temp.db, id, [
			{ itemId: 'ps-1', value: 2, dontKnow: false, flagged: false }
		]);
		const other = new Database(temp.path, { readonly: true });
		try {
			expect(other.prepare('SELECT value FROM answers WHERE response_id = ?').pluck().get(id)).toBe(
				2
			);
		} finally {
			other.close();
		}
		expect(temp.db.$client.pragma('synchronous', { simple: true })).toBe(2); // FULL
		expect(temp.db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(temp.db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
	});

	it('keeps the first submit time when submitted twice', () => {
		const { id } = responses.start(temp.db, sessionId);
		responses.submit(temp.db, id, new Date(1000));
		responses.submit(temp.db, id, new Date(2000));
		const row = temp.db.$client
			.prepare('SELECT submitted_at FROM responses WHERE id = ?')
			.pluck()
			.get(id);
		expect(row).toBe(1000);
		expect(responses.countsForSession(temp.db, sessionId)).toMatchObject({
			started: 1,
			submitted: 1
		});
	});

	it('keeps comments per dimension and removes an emptied one', () => {
		const { id } = responses.start(temp.db, sessionId);
		responses.saveAnswers(
			temp.db,
			id,
			[],
			[{ dimensionId: 'preventie-signaleren', body: 'Goed.' }]
		);
		expect(responses.commentsOf(temp.db, id)).toEqual([
			{ dimensionId: 'preventie-signaleren', body: 'Goed.' }
		]);
		responses.saveAnswers(temp.db, id, [], [{ dimensionId: 'preventie-signaleren', body: '' }]);
		expect(responses.commentsOf(temp.db, id)).toEqual([]);
	});
});
