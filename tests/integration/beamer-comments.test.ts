import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as gemeenten from '$lib/server/db/gemeenten';
import * as meetrondes from '$lib/server/db/meetrondes';
import * as questionnaireVersions from '$lib/server/db/questionnaire-versions';
import * as responses from '$lib/server/db/responses';
import * as results from '$lib/server/db/results';
import * as sessions from '$lib/server/db/sessions';
import * as teams from '$lib/server/db/teams';
import { databaseWithQuestionnaires } from './helpers';

/** Comments reach the beamer only through the gate, after the facilitator has read them. */

let temp: ReturnType<typeof databaseWithQuestionnaires>;
let sessionId: number;
const FIRST = 'preventie-signaleren';
const SECOND = 'ondersteuning-hulp';

beforeEach(() => {
	temp = databaseWithQuestionnaires();
	const gemeenteId = gemeenten.create(temp.db, 'Proefstad');
	const teamId = teams.create(temp.db, {
		gemeenteId,
		name: 'Team',
		tasks: [],
		composition: null,
		legalForm: null,
		targetGroup: null
	});
	const meetrondeId = meetrondes.create(temp.db, {
		name: 'Ronde',
		startsOn: '2026-01-01',
		endsOn: '2026-02-01',
		gemeenteId
	});
	const questionnaireVersionId = questionnaireVersions.find(temp.db, 'takenprofiel', 1)!.id;
	sessionId = sessions.create(temp.db, {
		teamId,
		meetrondeId,
		questionnaireVersionId,
		minRespondents: 5
	}).id;
	sessions.open(temp.db, sessionId);
	for (let i = 0; i < 5; i++) {
		const r = responses.start(temp.db, sessionId);
		responses.saveAnswers(
			temp.db,
			r.id,
			[{ itemId: 'ps-1', value: 1 + (i % 3), dontKnow: false, flagged: false }],
			[
				{ dimensionId: FIRST, body: `eerste ${i}` },
				{ dimensionId: SECOND, body: `tweede ${i}` }
			]
		);
		responses.submit(temp.db, r.id);
	}
	sessions.close(temp.db, sessionId);
});
afterEach(() => temp.cleanup());

const beamer = () => results.beamerComments(temp.db, sessionId);

describe('comments on the beamer', () => {
	it('cannot be let through before the results are released', () => {
		expect(results.setCommentsReviewed(temp.db, sessionId, FIRST, true)).toBe(false);
		expect(results.reviewedDimensions(temp.db, sessionId).size).toBe(0);
		expect(beamer().size).toBe(0);
	});

	it('show nothing of a released session until the facilitator has read a dimension', () => {
		results.release(temp.db, sessionId);
		expect(beamer().size).toBe(0);
		expect(results.setCommentsReviewed(temp.db, sessionId, FIRST, true)).toBe(true);
		const shown = beamer();
		expect([...shown.keys()]).toEqual([FIRST]);
		// Alphabetical: nothing of the order people answered in, and the same at every reload.
		expect(shown.get(FIRST)).toEqual([0, 1, 2, 3, 4].map((i) => `eerste ${i}`));
	});

	it('never show a hidden comment, also not one hidden after reading', () => {
		results.release(temp.db, sessionId);
		results.setCommentsReviewed(temp.db, sessionId, FIRST, true);
		const data = results.forSession(temp.db, sessionId);
		if (!data.visible) throw new Error('released');
		const [hidden] = data.comments.get(FIRST)!;
		results.hideComment(temp.db, sessionId, hidden.handle);
		expect(beamer().get(FIRST)).toHaveLength(4);
		expect(beamer().get(FIRST)).not.toContain(hidden.body);
	});

	it('need reading again once hidden comments are shown again', () => {
		results.release(temp.db, sessionId);
		results.setCommentsReviewed(temp.db, sessionId, FIRST, true);
		results.setCommentsReviewed(temp.db, sessionId, SECOND, true);
		results.showHiddenComments(temp.db, sessionId);
		expect(beamer().size).toBe(0);
		expect(results.reviewedDimensions(temp.db, sessionId).size).toBe(0);
	});

	it('leave the beamer again when the facilitator takes the mark back, and a mark counts once', () => {
		results.release(temp.db, sessionId);
		results.setCommentsReviewed(temp.db, sessionId, FIRST, true);
		results.setCommentsReviewed(temp.db, sessionId, FIRST, true);
		expect([...results.reviewedDimensions(temp.db, sessionId)]).toEqual([FIRST]);
		results.setCommentsReviewed(temp.db, sessionId, FIRST, false);
		expect(beamer().size).toBe(0);
	});
});
