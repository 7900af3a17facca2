import { afterEach, describe, expect, it } from 'vitest';
import * as responses from '$lib/server/db/responses';
import * as sessions from '$lib/server/db/sessions';
import { GroupCommit } from '$lib/server/db/group-commit';
import { DEMO_JOIN_CODE, seedDemo } from '$lib/server/seed';
import { databaseWithQuestionnaires } from './helpers';

let temp: ReturnType<typeof databaseWithQuestionnaires>;
afterEach(() => temp?.cleanup());

function setup() {
	temp = databaseWithQuestionnaires();
	seedDemo(temp.db);
	const sessionId = sessions.findByJoinCode(temp.db, DEMO_JOIN_CODE)!.id;
	return Array.from({ length: 20 }, () => responses.start(temp.db, sessionId).id);
}

describe('group commit', () => {
	it('writes saves that arrive together in one transaction, and each caller gets its own result', async () => {
		const ids = setup();
		const committer = new GroupCommit(temp.db);
		const results = await Promise.all(
			ids.map((id, i) =>
				committer.run(() => {
					responses.saveAnswers(temp.db, id, [
						{ itemId: 'ps-1', value: 1 + (i % 3), dontKnow: false, flagged: false }
					]);
					return id;
				})
			)
		);
		expect(results).toEqual(ids);
		for (const [i, id] of ids.entries()) {
			expect(responses.answersOf(temp.db, id)).toEqual([
				{ itemId: 'ps-1', value: 1 + (i % 3), dontKnow: false, flagged: false }
			]);
		}
		expect(committer.commits).toBe(1);
		expect(committer.jobs).toBe(20);
	});

	it('rolls back only the failing save; the others in the same batch still commit', async () => {
		const [a, b, c] = setup();
		const committer = new GroupCommit(temp.db);
		const save = (id: number, value: number, dontKnow: boolean) =>
			committer.run(() =>
				responses.saveAnswers(temp.db, id, [{ itemId: 'ps-1', value, dontKnow, flagged: false }])
			);
		const outcomes = await Promise.allSettled([
			save(a, 2, false),
			save(b, 2, true),
			save(c, 3, false)
		]);
		expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect(responses.answersOf(temp.db, a)).toHaveLength(1);
		expect(responses.answersOf(temp.db, b)).toEqual([]);
		expect(responses.answersOf(temp.db, c)).toHaveLength(1);
	});

	it('settles a promise only once the shared transaction has committed', async () => {
		const [a] = setup();
		const committer = new GroupCommit(temp.db);
		const pending = committer.run(() =>
			responses.saveAnswers(temp.db, a, [
				{ itemId: 'ps-1', value: 2, dontKnow: false, flagged: false }
			])
		);
		// Nothing is written before the batch runs.
		expect(responses.answersOf(temp.db, a)).toEqual([]);
		await pending;
		expect(temp.db.$client.inTransaction).toBe(false);
		expect(responses.answersOf(temp.db, a)).toHaveLength(1);
	});
});
