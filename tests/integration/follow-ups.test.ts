import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as conversation from '$lib/server/db/conversation';
import * as followUps from '$lib/server/db/follow-ups';
import * as gemeenten from '$lib/server/db/gemeenten';
import * as meetrondes from '$lib/server/db/meetrondes';
import * as questionnaireVersions from '$lib/server/db/questionnaire-versions';
import * as sessions from '$lib/server/db/sessions';
import * as teams from '$lib/server/db/teams';
import { databaseWithQuestionnaires } from './helpers';

let temp: ReturnType<typeof databaseWithQuestionnaires>;
let earlier: number;
let later: number;
let elsewhere: number;
let action: number;
let other: number;

beforeEach(() => {
	temp = databaseWithQuestionnaires();
	const gemeenteId = gemeenten.create(temp.db, 'Proefstad');
	const teamId = teams.create(temp.db, {
		gemeenteId,
		name: 'Noord',
		tasks: [],
		composition: null,
		legalForm: null,
		targetGroup: null
	});
	const round = (name: string, startsOn: string, endsOn: string) =>
		meetrondes.create(temp.db, { name, startsOn, endsOn, gemeenteId });
	const questionnaireVersionId = questionnaireVersions.find(temp.db, 'takenprofiel', 1)!.id;
	earlier = sessions.create(temp.db, {
		teamId,
		meetrondeId: round('Nulmeting', '2026-01-01', '2026-02-01'),
		questionnaireVersionId
	}).id;
	later = sessions.create(temp.db, {
		teamId,
		meetrondeId: round('1-meting', '2026-09-01', '2026-10-01'),
		questionnaireVersionId
	}).id;
	elsewhere = sessions.create(temp.db, {
		teamId,
		meetrondeId: round('Leerronde', '2026-09-15', '2026-10-15'),
		questionnaireVersionId
	}).id;
	const base = {
		dimensionId: 'preventie-signaleren',
		who: '',
		dueOn: null,
		status: 'open' as const
	};
	action = conversation.addAction(temp.db, earlier, { ...base, what: 'Spreekuur op school' });
	other = conversation.addAction(temp.db, earlier, { ...base, what: 'Inloop in de bibliotheek' });
});
afterEach(() => temp.cleanup());

describe("following up last round's verbeteracties", () => {
	it('records per action whether it was done and helped, at the later session', () => {
		followUps.save(temp.db, later, action, { done: 'deels', helped: 'weet-nog-niet' });
		const read = followUps.withFollowUps(temp.db, later, conversation.actionsOf(temp.db, earlier));
		expect(read.map((a) => [a.what, a.followUp])).toEqual([
			['Spreekuur op school', { done: 'deels', helped: 'weet-nog-niet' }],
			['Inloop in de bibliotheek', null]
		]);
	});

	it('overwrites on a second save at the same session: one follow-up per action there', () => {
		followUps.save(temp.db, later, action, { done: 'niet', helped: 'nee' });
		followUps.save(temp.db, later, action, { done: 'gedaan', helped: 'ja' });
		expect(followUps.latestVisible(temp.db, [action, other], () => true)).toEqual(
			new Map([[action, { done: 'gedaan', helped: 'ja' }]])
		);
	});

	it('keeps the look back of each session apart, and shows only one the reader may see', () => {
		followUps.save(temp.db, later, action, { done: 'gedaan', helped: 'ja' });
		followUps.save(temp.db, elsewhere, action, { done: 'niet', helped: 'nee' });
		const actions = conversation.actionsOf(temp.db, earlier);
		expect(followUps.withFollowUps(temp.db, later, actions)[0].followUp).toEqual({
			done: 'gedaan',
			helped: 'ja'
		});
		expect(followUps.withFollowUps(temp.db, elsewhere, actions)[0].followUp).toEqual({
			done: 'niet',
			helped: 'nee'
		});
		expect(followUps.latestVisible(temp.db, [action], (id) => id === later).get(action)).toEqual({
			done: 'gedaan',
			helped: 'ja'
		});
		expect(followUps.latestVisible(temp.db, [action], () => false).size).toBe(0);
	});

	it('refuses values outside the lists, in the database too', () => {
		expect(() =>
			temp.db.$client
				.prepare(
					"INSERT INTO action_follow_ups (action_id, session_id, done, helped, updated_at) VALUES (?, ?, 'misschien', 'ja', 0)"
				)
				.run(action, later)
		).toThrow(/CHECK/);
	});

	it('goes when the action or the later session is deleted', () => {
		followUps.save(temp.db, later, action, { done: 'gedaan', helped: 'ja' });
		followUps.save(temp.db, later, other, { done: 'gedaan', helped: 'nee' });
		conversation.deleteAction(temp.db, earlier, other);
		expect(followUps.latestVisible(temp.db, [action, other], () => true).size).toBe(1);
		sessions.remove(temp.db, later);
		expect(followUps.latestVisible(temp.db, [action], () => true).size).toBe(0);
		expect(conversation.actionsOf(temp.db, earlier)).toHaveLength(1);
	});
});
