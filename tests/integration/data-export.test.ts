import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportCsv, exportData } from '$lib/server/data-export';
import * as conversation from '$lib/server/db/conversation';
import * as gemeenten from '$lib/server/db/gemeenten';
import * as meetrondes from '$lib/server/db/meetrondes';
import * as questionnaireVersions from '$lib/server/db/questionnaire-versions';
import * as results from '$lib/server/db/results';
import * as responses from '$lib/server/db/responses';
import * as sessions from '$lib/server/db/sessions';
import * as teams from '$lib/server/db/teams';
import { databaseWithQuestionnaires } from './helpers';

let temp: ReturnType<typeof databaseWithQuestionnaires>;
let gemeenteId: number;

beforeEach(() => {
	temp = databaseWithQuestionnaires();
	gemeenteId = gemeenten.create(temp.db, 'Proefstad');
});
afterEach(() => temp.cleanup());

function closedSession(teamName: string, respondents: number) {
	const teamId = teams.create(temp.db, {
		gemeenteId,
		name: teamName,
		tasks: ['toegang'],
		composition: null,
		legalForm: null,
		targetGroup: null
	});
	const meetrondeId = meetrondes.create(temp.db, {
		name: `Ronde ${teamName}`,
		startsOn: '2026-01-01',
		endsOn: '2026-02-01',
		gemeenteId
	});
	const { id } = sessions.create(temp.db, {
		teamId,
		meetrondeId,
		questionnaireVersionId: questionnaireVersions.find(temp.db, 'takenprofiel', 1)!.id
	});
	sessions.open(temp.db, id);
	for (let i = 0; i < respondents; i++) {
		const r = responses.start(temp.db, id);
		responses.saveAnswers(
			temp.db,
			r.id,
			[{ itemId: 'ps-1', value: 2, dontKnow: false, flagged: false }],
			[{ dimensionId: 'preventie-signaleren', body: 'geheim' }]
		);
		responses.submit(temp.db, r.id);
	}
	sessions.close(temp.db, id);
	return id;
}

describe('the AVG export of a gemeente', () => {
	it('holds figures only of sessions that meet the anonymity rule, with conclusions and actions, never comments', () => {
		const enough = closedSession('Team Genoeg', 5);
		const tooFew = closedSession('Team Weinig', 4);
		const notShown = closedSession('Team Later', 5);
		results.release(temp.db, enough);
		conversation.saveConclusion(temp.db, enough, 'preventie-signaleren', 'Goed', 'Beter');
		conversation.addAction(temp.db, tooFew, {
			dimensionId: 'preventie-signaleren',
			what: 'Samen oefenen',
			who: 'Team',
			dueOn: null,
			status: 'open'
		});
		const data = exportData(temp.db, { gemeenteId });
		const sessionOf = (name: string) => data.teams.find((t) => t.name === name)!.sessions[0];
		const [genoeg, weinig, later] = ['Team Genoeg', 'Team Weinig', 'Team Later'].map(sessionOf);
		// Not yet released: the facilitator has not shown them, so the session may still reopen.
		expect(later.results).toBe('niet beschikbaar: uitkomsten nog niet getoond aan het team');
		expect(typeof genoeg.results).toBe('object');
		expect(genoeg.conclusions).toEqual({
			'preventie-signaleren': { goesWell: 'Goed', canImprove: 'Beter' }
		});
		expect(weinig.results).toBe('niet beschikbaar: te weinig respons');
		expect(weinig.submitted).toBe(4);
		expect(weinig.verbeteracties).toEqual([
			{
				dimensionId: 'preventie-signaleren',
				what: 'Samen oefenen',
				who: 'Team',
				dueOn: null,
				status: 'open'
			}
		]);
		expect(JSON.stringify(data)).not.toContain('geheim');
		// Exporting changes nothing: only the explicit release locks a session.
		expect(sessions.get(temp.db, notShown)?.resultsShownAt).toBeNull();
		expect(sessions.get(temp.db, tooFew)?.resultsShownAt).toBeNull();

		const csv = exportCsv(data);
		expect(csv).toContain('Team Genoeg;Ronde Team Genoeg;takenprofiel;1;stelling;ps-1;');
		expect(csv).not.toContain('Team Weinig');
		expect(csv).not.toContain('Team Later');
	});
});
