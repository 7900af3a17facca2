import { afterEach, describe, expect, it } from 'vitest';
import * as audit from '$lib/server/db/audit';
import * as responses from '$lib/server/db/responses';
import * as sessions from '$lib/server/db/sessions';
import { purgeResponses, retentionCutoff } from '$lib/server/retention';
import { DEMO_JOIN_CODE, seedDemo } from '$lib/server/seed';
import { databaseWithQuestionnaires } from './helpers';

let temp: ReturnType<typeof databaseWithQuestionnaires>;
afterEach(() => temp?.cleanup());

describe('retention', () => {
	it('counts months on the calendar', () => {
		expect(retentionCutoff(new Date('2026-11-23T10:00:00Z'), 12).toISOString()).toBe(
			'2025-11-23T10:00:00.000Z'
		);
	});

	it('purges responses older than the retention period with their answers, keeps newer ones, and logs it', () => {
		temp = databaseWithQuestionnaires();
		seedDemo(temp.db);
		const sessionId = sessions.findByJoinCode(temp.db, DEMO_JOIN_CODE)!.id;
		const recent = responses.start(temp.db, sessionId, new Date('2026-11-01'));
		responses.saveAnswers(temp.db, recent.id, [
			{ itemId: 'ps-1', value: 2, dontKnow: false, flagged: false }
		]);
		const count = (sql: string) => temp.db.$client.prepare(sql).pluck().get() as number;
		const sessionsBefore = count('SELECT count(*) FROM sessions');

		// The demo's responses are from spring and autumn 2026; purge what is over 6 months old.
		const removed = purgeResponses(temp.db, 6, new Date('2026-11-23'));
		expect(removed).toBeGreaterThan(0);
		expect(
			count("SELECT count(*) FROM responses WHERE started_at < strftime('%s', '2026-05-23') * 1000")
		).toBe(0);
		expect(responses.answersOf(temp.db, recent.id)).toHaveLength(1);
		expect(
			count('SELECT count(*) FROM answers WHERE response_id NOT IN (SELECT id FROM responses)')
		).toBe(0);
		expect(count('SELECT count(*) FROM sessions')).toBe(sessionsBefore);
		const [entry] = audit.latest(temp.db);
		expect(entry).toMatchObject({ userEmail: 'systeem', action: 'bewaartermijn' });
		expect(entry.subject).toContain(`${removed} ingevulde vragenlijsten`);

		expect(purgeResponses(temp.db, 6, new Date('2026-11-23'))).toBe(0);
		expect(audit.latest(temp.db)).toHaveLength(1);
	});
});
