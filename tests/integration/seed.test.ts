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
});
