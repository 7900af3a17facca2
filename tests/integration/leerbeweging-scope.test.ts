import { afterEach, describe, expect, it } from 'vitest';
import * as gemeenten from '$lib/server/db/gemeenten';
import * as leerbewegingen from '$lib/server/db/leerbewegingen';
import * as meetrondes from '$lib/server/db/meetrondes';
import * as questionnaireVersions from '$lib/server/db/questionnaire-versions';
import * as sessions from '$lib/server/db/sessions';
import * as teams from '$lib/server/db/teams';
import { databaseWithQuestionnaires } from './helpers';

describe("a leerbeweging's comparison (issue 10, W6)", () => {
	let temp: ReturnType<typeof databaseWithQuestionnaires>;
	afterEach(() => temp.cleanup());

	it("holds the sessions of the leerbeweging's own rounds, not the gemeente's own rounds", () => {
		temp = databaseWithQuestionnaires();
		const db = temp.db;
		const version = questionnaireVersions
			.list(db)
			.find((q) => q.questionnaireId === 'basisfuncties')!;
		const gemeenteId = gemeenten.create(db, 'Proefstad');
		const team = {
			gemeenteId,
			tasks: [],
			composition: null,
			legalForm: null,
			targetGroup: null
		};
		const inLeerbeweging = teams.create(db, { ...team, name: 'Team Mee' });
		const outside = teams.create(db, { ...team, name: 'Team Niet Mee' });
		const leerbewegingId = leerbewegingen.create(db, 'Samen Leren');
		leerbewegingen.addTeam(db, leerbewegingId, inLeerbeweging);
		const period = { startsOn: '2026-01-01', endsOn: '2026-12-31' };
		const gemeenteRound = meetrondes.create(db, { name: 'Eigen ronde', gemeenteId, ...period });
		const sharedRound = meetrondes.create(db, { name: 'Leerronde', leerbewegingId, ...period });
		const closed = (teamId: number, meetrondeId: number) =>
			sessions.create(db, {
				teamId,
				meetrondeId,
				questionnaireVersionId: version.id,
				status: 'closed',
				closedAt: new Date()
			}).id;
		closed(inLeerbeweging, gemeenteRound);
		const shared = closed(inLeerbeweging, sharedRound);
		closed(outside, gemeenteRound);

		const listed = sessions.listClosedInScope(db, { leerbewegingId }, 'basisfuncties');
		expect(listed.map((s) => s.id)).toEqual([shared]);
		// The gemeente itself still compares all its own teams' sessions.
		expect(sessions.listClosedInScope(db, { gemeenteId }, 'basisfuncties')).toHaveLength(3);
	});
});
