import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { seedDemo } from '$lib/server/seed';
import * as gemeenten from '$lib/server/db/gemeenten';
import * as meetrondes from '$lib/server/db/meetrondes';
import * as teams from '$lib/server/db/teams';
import { databaseWithQuestionnaires } from './helpers';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

function seeded() {
	const temp = databaseWithQuestionnaires();
	cleanup = temp.cleanup;
	seedDemo(temp.db);
	const one = <T>(query: string) => temp.db.get<T>(sql.raw(query));
	return { db: temp.db, one };
}

describe('counts shown in words', () => {
	it('the overview counts each gemeente its own teams, also a gemeente without any', () => {
		const { db } = seeded();
		gemeenten.create(db, 'Leegdorp');
		const list = gemeenten.list(db);
		expect(list.find((g) => g.name === 'Voorbeeldstad')?.teams).toBe(3);
		expect(list.find((g) => g.name === 'Leegdorp')?.teams).toBe(0);
		const ids = list.filter((g) => g.name === 'Voorbeeldstad').map((g) => g.id);
		expect(gemeenten.list(db, ids)).toEqual([{ id: ids[0], name: 'Voorbeeldstad', teams: 3 }]);
	});

	it('a delete warning counts sent questionnaires, not ones only started', () => {
		const { db, one } = seeded();
		const team = one<{ id: number }>(
			`SELECT t.id FROM teams t JOIN sessions s ON s.team_id = t.id
			 JOIN responses r ON r.session_id = s.id GROUP BY t.id ORDER BY t.id LIMIT 1`
		).id;
		const sent = (where: string) =>
			one<{ n: number }>(
				`SELECT count(*) AS n FROM responses r JOIN sessions s ON s.id = r.session_id
				 JOIN teams t ON t.id = s.team_id WHERE r.submitted_at IS NOT NULL AND ${where}`
			).n;
		// One more that was started and never sent.
		const session = one<{ id: number }>(`SELECT id FROM sessions WHERE team_id = ${team} LIMIT 1`);
		db.run(
			sql.raw(
				`INSERT INTO responses (session_id, token_hash, resume_code_hash, started_at) VALUES (${session.id}, 'x', 'y', 0)`
			)
		);
		expect(sent(`t.id = ${team}`)).toBeGreaterThan(0);
		expect(teams.responseCount(db, team)).toBe(sent(`t.id = ${team}`));
		const gemeente = one<{ id: number }>(`SELECT gemeente_id AS id FROM teams WHERE id = ${team}`);
		expect(gemeenten.responseCount(db, gemeente.id)).toBe(sent(`t.gemeente_id = ${gemeente.id}`));
		const ronde = one<{ id: number }>(
			`SELECT meetronde_id AS id FROM sessions WHERE id = ${session.id}`
		);
		expect(meetrondes.responseCount(db, ronde.id)).toBe(sent(`s.meetronde_id = ${ronde.id}`));
	});
});
