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
});
