import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aggregateSession } from '$lib/domain/aggregates';
import { shownFigures } from '$lib/domain/anonymity';
import * as aggregates from '$lib/server/db/aggregates';
import * as conversation from '$lib/server/db/conversation';
import * as gemeenten from '$lib/server/db/gemeenten';
import * as meetrondes from '$lib/server/db/meetrondes';
import * as questionnaireVersions from '$lib/server/db/questionnaire-versions';
import * as responses from '$lib/server/db/responses';
import * as results from '$lib/server/db/results';
import * as sessions from '$lib/server/db/sessions';
import * as teams from '$lib/server/db/teams';
import { purgeResponses } from '$lib/server/retention';
import { databaseWithQuestionnaires } from './helpers';

let temp: ReturnType<typeof databaseWithQuestionnaires>;
let teamId: number;
let roundId: number;
let versionId: number;

beforeEach(() => {
	temp = databaseWithQuestionnaires();
	const gemeenteId = gemeenten.create(temp.db, 'Proefstad');
	teamId = teams.create(temp.db, {
		gemeenteId,
		name: 'Team',
		tasks: [],
		composition: null,
		legalForm: null,
		targetGroup: null
	});
	roundId = meetrondes.create(temp.db, {
		name: 'Ronde',
		startsOn: '2026-01-01',
		endsOn: '2026-02-01',
		gemeenteId
	});
	versionId = questionnaireVersions.find(temp.db, 'takenprofiel', 1)!.id;
});
afterEach(() => temp.cleanup());

/** The stored figures as the database holds them, read directly: the gate never gives these. */
function storedFigures(sessionId: number) {
	const row = temp.db.$client
		.prepare(
			'SELECT submitted, dimensions, items, task_profile, item_scores FROM session_aggregates WHERE session_id = ?'
		)
		.get(sessionId) as
		| {
				submitted: number;
				dimensions: string;
				items: string;
				task_profile: string;
				item_scores: string | null;
		  }
		| undefined;
	if (!row) return undefined;
	return {
		submitted: row.submitted,
		dimensions: JSON.parse(row.dimensions),
		items: JSON.parse(row.items),
		taskProfile: JSON.parse(row.task_profile),
		itemScores: JSON.parse(row.item_scores ?? 'null')
	};
}

function sessionWith(submitted: number, minRespondents = 5) {
	const { id } = sessions.create(temp.db, {
		teamId,
		meetrondeId: roundId,
		questionnaireVersionId: versionId,
		minRespondents
	});
	sessions.open(temp.db, id);
	for (let i = 0; i < submitted; i++) {
		const r = responses.start(temp.db, id);
		responses.saveAnswers(
			temp.db,
			r.id,
			[{ itemId: 'ps-1', value: 1 + (i % 3), dontKnow: false, flagged: false }],
			[{ dimensionId: 'preventie-signaleren', body: `opmerking ${i}` }]
		);
		responses.submit(temp.db, r.id);
	}
	return id;
}

describe('the anonymity rule at the query layer', () => {
	it('lets no answers out of a closed session with 4 of the minimum 5 responses', () => {
		const id = sessionWith(4);
		sessions.close(temp.db, id);
		const data = results.forSession(temp.db, id);
		expect(data).toEqual({
			visible: false,
			status: 'closed',
			counted: 4,
			partial: 0,
			minRespondents: 5,
			releasable: false
		});
		expect(results.release(temp.db, id)).toBe(false);
		expect(sessions.get(temp.db, id)?.resultsShownAt).toBeNull();
	});

	it('shows results of a closed session with 5 responses only once released, comments included', () => {
		const id = sessionWith(5);
		sessions.close(temp.db, id);
		const before = results.forSession(temp.db, id);
		expect(before).toMatchObject({ visible: false, releasable: true, counted: 5 });
		// Reading changed nothing: the session can still be reopened.
		expect(sessions.get(temp.db, id)?.resultsShownAt).toBeNull();
		expect(results.release(temp.db, id)).toBe(true);
		const data = results.forSession(temp.db, id);
		expect(data.visible).toBe(true);
		if (!data.visible) return;
		const item = data.figures.items.find((i) => i.itemId === 'ps-1');
		// Values 1, 2, 3, 1, 2 on statement ps-1: the mean and spread, never one person's value.
		expect(item).toMatchObject({ n: 5, mean: 1.8, suppressed: false });
		for (const personal of ['min', 'max', 'median', 'q1', 'q3']) {
			expect(item).not.toHaveProperty(personal);
		}
		const bodies = (data.comments.get('preventie-signaleren') ?? []).map((c) => c.body);
		expect(bodies.sort()).toEqual([
			'opmerking 0',
			'opmerking 1',
			'opmerking 2',
			'opmerking 3',
			'opmerking 4'
		]);
	});

	it('shows nothing while the session is open, however many responded', () => {
		const id = sessionWith(8);
		expect(results.forSession(temp.db, id).visible).toBe(false);
	});

	it('refuses to reopen a session once its results were released, but allows it before', () => {
		const id = sessionWith(5);
		sessions.close(temp.db, id);
		expect(sessions.reopen(temp.db, id)).toBe(true);
		sessions.close(temp.db, id);
		// Reading (a page load, a hover preload) does not lock it.
		results.forSession(temp.db, id);
		results.forSessions(temp.db, [id], ['dimensions']);
		expect(sessions.reopen(temp.db, id)).toBe(true);
		sessions.close(temp.db, id);
		results.release(temp.db, id);
		expect(sessions.reopen(temp.db, id)).toBe(false);
		expect(sessions.get(temp.db, id)?.status).toBe('closed');
	});

	it('never treats a minimum below 3 as allowed, even if stored directly', () => {
		const id = sessionWith(2, 3);
		temp.db.$client.pragma('ignore_check_constraints = ON');
		temp.db.$client.prepare('UPDATE sessions SET min_respondents = 1 WHERE id = ?').run(id);
		sessions.close(temp.db, id);
		expect(results.release(temp.db, id)).toBe(false);
		expect(results.forSession(temp.db, id).visible).toBe(false);
	});
});

describe('figures stored when a session closes', () => {
	it('stores exactly what computing from the answers gives, and reads it back unchanged', () => {
		const id = sessionWith(6);
		sessions.close(temp.db, id);
		const questionnaire = questionnaireVersions.definition(temp.db, versionId)!;
		const expected = aggregateSession(questionnaire, aggregates.submittedResponses(temp.db, id));
		const stored = storedFigures(id);
		expect(stored).toEqual({ submitted: 6, ...expected });
		results.release(temp.db, id);
		const many = results.forSessions(temp.db, [id], ['dimensions']);
		expect(many.get(id)).toEqual({
			counted: 6,
			minRespondents: 5,
			dimensions: shownFigures(expected, 5).dimensions
		});
	});

	it('gives figures stored before the statement scores existed their scores at start-up, with the same dimension figures', () => {
		const id = sessionWith(6);
		sessions.close(temp.db, id);
		results.release(temp.db, id);
		const before = results.forSessions(temp.db, [id], ['dimensions']).get(id);
		const scores = storedFigures(id)!.itemScores;
		temp.db.$client.prepare('UPDATE session_aggregates SET item_scores = NULL').run();
		aggregates.backfill(temp.db);
		expect(storedFigures(id)!.itemScores).toEqual(scores);
		expect(results.forSessions(temp.db, [id], ['dimensions']).get(id)).toEqual(before);
	});

	it('drops the figures on reopening, and makes them again on closing with the late answer', () => {
		const id = sessionWith(5);
		sessions.close(temp.db, id);
		expect(sessions.reopen(temp.db, id)).toBe(true);
		expect(storedFigures(id)).toBeUndefined();
		expect(results.forSession(temp.db, id).visible).toBe(false);
		const late = responses.start(temp.db, id);
		responses.saveAnswers(temp.db, late.id, [
			{ itemId: 'ps-1', value: 5, dontKnow: false, flagged: false }
		]);
		responses.submit(temp.db, late.id);
		sessions.close(temp.db, id);
		expect(storedFigures(id)?.submitted).toBe(6);
		results.release(temp.db, id);
		const data = results.forSession(temp.db, id);
		// Values 1, 2, 3, 1, 2 and the late 5.
		expect(data.visible && data.figures.items.find((i) => i.itemId === 'ps-1')?.mean).toBe(14 / 6);
	});

	it('keeps the figures when the retention purge removes the answers themselves', () => {
		const id = sessionWith(5);
		sessions.close(temp.db, id);
		results.release(temp.db, id);
		const before = results.forSession(temp.db, id);
		purgeResponses(temp.db, 1, new Date(Date.now() + 400 * 24 * 3600 * 1000));
		expect(responses.countsForSession(temp.db, id)).toMatchObject({ started: 0, submitted: 0 });
		const data = results.forSession(temp.db, id);
		expect(data.visible && data.figures).toEqual(before.visible && before.figures);
		expect(data.visible && data.comments.size).toBe(0);
	});

	it('fills in figures for closed sessions that lack them, and only those', () => {
		const closedByHand = sessionWith(5);
		temp.db.$client.prepare("UPDATE sessions SET status = 'closed' WHERE id = ?").run(closedByHand);
		const open = sessionWith(5);
		expect(results.forSession(temp.db, closedByHand).visible).toBe(false);
		expect(aggregates.backfill(temp.db)).toBe(1);
		expect(aggregates.backfill(temp.db)).toBe(0);
		expect(results.release(temp.db, closedByHand)).toBe(true);
		expect(results.forSession(temp.db, closedByHand).visible).toBe(true);
		expect(storedFigures(open)).toBeUndefined();
	});
});

describe('comments the facilitator hides', () => {
	it('are gone from the results, and come back only when shown again', () => {
		const id = sessionWith(5);
		sessions.close(temp.db, id);
		results.release(temp.db, id);
		const read = () => {
			const data = results.forSession(temp.db, id);
			if (!data.visible) throw new Error('released');
			return data;
		};
		const [first] = read().comments.get('preventie-signaleren')!;
		expect(results.hideComment(temp.db, id, 'onzin')).toBe(false);
		expect(results.hideComment(temp.db, id, first.handle)).toBe(true);
		const after = read();
		expect(after.comments.get('preventie-signaleren')!.map((c) => c.body)).not.toContain(
			first.body
		);
		expect(after.comments.get('preventie-signaleren')).toHaveLength(4);
		expect(after.hiddenComments).toBe(1);
		results.showHiddenComments(temp.db, id);
		expect(read().comments.get('preventie-signaleren')).toHaveLength(5);
	});

	it('cannot be hidden in another session', () => {
		const id = sessionWith(5);
		const other = sessionWith(5);
		for (const s of [id, other]) {
			sessions.close(temp.db, s);
			results.release(temp.db, s);
		}
		const data = results.forSession(temp.db, id);
		const handle = data.visible ? data.comments.get('preventie-signaleren')![0].handle : '';
		expect(results.hideComment(temp.db, other, handle)).toBe(false);
	});
});

describe('what viewers get of a team’s sessions', () => {
	it('never a join code, and counts only of closed sessions', () => {
		const open = sessionWith(2);
		const closed = sessionWith(5);
		sessions.close(temp.db, closed);
		const viewer = sessions.listForTeam(temp.db, teamId, 'viewer');
		expect(JSON.stringify(viewer)).not.toMatch(/joinCode|join_code/);
		expect(viewer.find((s) => s.id === open)).toMatchObject({ started: null, submitted: null });
		expect(viewer.find((s) => s.id === closed)).toMatchObject({ started: 5, submitted: 5 });
		expect(
			sessions.listForTeam(temp.db, teamId, 'manager').find((s) => s.id === open)
		).toMatchObject({ started: 2, submitted: 2 });
		expect(sessions.get(temp.db, open)).not.toHaveProperty('joinCode');
	});
});

describe('the live counts', () => {
	it('count questionnaires sent faster than anyone can read as quick', () => {
		const id = sessionWith(3);
		// The three above were sent in well under a second.
		expect(responses.countsForSession(temp.db, id, 60_000).quick).toBe(3);
		expect(responses.countsForSession(temp.db, id, 0).quick).toBe(0);
	});
});

describe('closing a session', () => {
	it('counts a response with answers that was never sent, and leaves out an empty one', () => {
		const id = sessionWith(4);
		const partial = responses.start(temp.db, id);
		responses.saveAnswers(temp.db, partial.id, [
			{ itemId: 'ps-2', value: 3, dontKnow: false, flagged: false }
		]);
		responses.start(temp.db, id); // opened the questionnaire, answered nothing
		expect(responses.countsForSession(temp.db, id)).toEqual({
			started: 6,
			submitted: 4,
			partial: 1,
			empty: 1,
			counted: 5,
			quick: 0
		});
		sessions.close(temp.db, id);
		expect(responses.countsForSession(temp.db, id)).toMatchObject({ started: 6, submitted: 5 });
		expect(results.forSession(temp.db, id)).toMatchObject({ counted: 5, partial: 1 });
		expect(results.release(temp.db, id)).toBe(true);
		const data = results.forSession(temp.db, id);
		// ps-2 was answered by the one partial questionnaire only: no figure rests on one person.
		const ps2 = data.visible ? data.figures.items.find((i) => i.itemId === 'ps-2') : undefined;
		expect(ps2).toMatchObject({ n: 1, mean: null, sd: null, suppressed: true });
	});
});

describe('verbeteracties across rounds', () => {
	it('brings the previous session’s actions back, and carries one over only once', () => {
		const first = sessionWith(5);
		const actionId = conversation.addAction(temp.db, first, {
			dimensionId: 'preventie-signaleren',
			what: 'Spreekuur op school',
			who: 'Sam',
			dueOn: '2026-06-01',
			status: 'bezig'
		});
		const later = meetrondes.create(temp.db, {
			name: 'Later',
			startsOn: '2026-09-01',
			endsOn: '2026-10-01',
			gemeenteId: gemeenten.list(temp.db)[0].id
		});
		const { id: second } = sessions.create(temp.db, {
			teamId,
			meetrondeId: later,
			questionnaireVersionId: versionId
		});
		const summary = sessions.get(temp.db, second)!;
		expect(sessions.previousOfTeam(temp.db, summary)?.id).toBe(first);
		expect(sessions.previousOfTeam(temp.db, sessions.get(temp.db, first)!)).toBeUndefined();
		conversation.carryOver(temp.db, second, actionId);
		conversation.carryOver(temp.db, second, actionId);
		const carried = conversation.actionsOf(temp.db, second);
		expect(carried).toHaveLength(1);
		expect(carried[0]).toMatchObject({
			what: 'Spreekuur op school',
			status: 'bezig',
			carriedFromId: actionId
		});
	});

	it('changes the status only of an action of the same session', () => {
		const first = sessionWith(0);
		const other = sessionWith(0);
		const actionId = conversation.addAction(temp.db, first, {
			dimensionId: 'x',
			what: 'Iets',
			who: '',
			dueOn: null,
			status: 'open'
		});
		expect(conversation.setActionStatus(temp.db, other, actionId, 'klaar')).toBe(false);
		expect(conversation.setActionStatus(temp.db, first, actionId, 'klaar')).toBe(true);
		expect(conversation.actionsOf(temp.db, first)[0].status).toBe('klaar');
	});
});
