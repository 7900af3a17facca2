import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDemo, DEMO_JOIN_CODE } from '$lib/server/seed';
import * as sessions from '$lib/server/db/sessions';
import { databaseWithQuestionnaires } from './helpers';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

describe('demo seed', () => {
	it('creates Voorbeeldstad with three teams, two rounds, closed sessions and an open DEMO26', () => {
		const temp = databaseWithQuestionnaires();
		cleanup = temp.cleanup;
		seedDemo(temp.db);
		const count = (table: string) =>
			temp.db.get<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table}`)).n;
		expect(count('gemeenten')).toBe(1);
		expect(count('teams')).toBe(3);
		expect(count('meetrondes')).toBe(2);
		expect(count('leerbewegingen')).toBe(1);
		expect(sessions.findByJoinCode(temp.db, DEMO_JOIN_CODE)?.status).toBe('open');
	});

	it('uses version 1 in the nulmeting and the newest version in the newest round', () => {
		const temp = databaseWithQuestionnaires();
		cleanup = temp.cleanup;
		seedDemo(temp.db);
		const used = temp.db.all<{ round: string; questionnaire: string; version: number }>(
			sql.raw(`SELECT DISTINCT m.name AS round, q.questionnaire_id AS questionnaire, q.version
				FROM sessions s JOIN meetrondes m ON m.id = s.meetronde_id
				JOIN questionnaire_versions q ON q.id = s.questionnaire_version_id
				WHERE s.status = 'closed' AND q.questionnaire_id <> 'takenprofiel'
				ORDER BY m.starts_on, q.questionnaire_id`)
		);
		expect(used).toEqual([
			{ round: 'Nulmeting voorjaar 2026', questionnaire: 'basisfuncties', version: 1 },
			{ round: 'Nulmeting voorjaar 2026', questionnaire: 'stevig-lokaal-team', version: 1 },
			{ round: '1-meting najaar 2026', questionnaire: 'basisfuncties', version: 3 },
			{ round: '1-meting najaar 2026', questionnaire: 'stevig-lokaal-team', version: 3 }
		]);
	});

	it('asks the takenprofiel of the newest round in version 2, with assignment answers', () => {
		const temp = databaseWithQuestionnaires();
		cleanup = temp.cleanup;
		seedDemo(temp.db);
		const used = temp.db.all<{ round: string; version: number; status: string; assigned: number }>(
			sql.raw(`SELECT m.name AS round, q.version, s.status,
					(SELECT count(*) FROM assignment_answers a JOIN responses r ON r.id = a.response_id
						WHERE r.session_id = s.id) AS assigned
				FROM sessions s JOIN meetrondes m ON m.id = s.meetronde_id
				JOIN questionnaire_versions q ON q.id = s.questionnaire_version_id
				WHERE q.questionnaire_id = 'takenprofiel'
				ORDER BY m.starts_on, s.id`)
		);
		expect(used.length).toBeGreaterThan(0);
		for (const session of used) {
			if (session.round.startsWith('Nulmeting')) {
				expect(session).toMatchObject({ version: 1, assigned: 0 });
			} else {
				expect(session.version).toBe(2);
				if (session.status === 'closed') expect(session.assigned).toBeGreaterThan(0);
			}
		}
		// The demo shows a gap: in some tasks more say "ja" than that the team does it.
		const answers = temp.db.all<{ answer: string }>(
			sql.raw('SELECT DISTINCT answer FROM assignment_answers ORDER BY answer')
		);
		expect(answers.map((a) => a.answer)).toEqual(['ja', 'nee', 'weet-niet']);
	});
});
