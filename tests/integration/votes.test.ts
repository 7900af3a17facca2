import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as gemeenten from '$lib/server/db/gemeenten';
import * as meetrondes from '$lib/server/db/meetrondes';
import * as questionnaireVersions from '$lib/server/db/questionnaire-versions';
import * as responses from '$lib/server/db/responses';
import * as results from '$lib/server/db/results';
import * as sessions from '$lib/server/db/sessions';
import * as teams from '$lib/server/db/teams';
import * as votes from '$lib/server/db/votes';
import { openVote } from '$lib/server/topic-vote';
import { databaseWithQuestionnaires } from './helpers';

let temp: ReturnType<typeof databaseWithQuestionnaires>;
let sessionId: number;
let respondents: number[];

/** A closed session of `count` sent questionnaires, one started but empty, and its minimum. */
function closedSession(count: number, minRespondents: number) {
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
	const questionnaireVersionId = questionnaireVersions.find(temp.db, 'basisfuncties', 1)!.id;
	const { id } = sessions.create(temp.db, {
		teamId,
		meetrondeId,
		questionnaireVersionId,
		minRespondents
	});
	sessions.open(temp.db, id);
	const ids: number[] = [];
	for (let i = 0; i < count; i++) {
		const r = responses.start(temp.db, id);
		responses.saveAnswers(temp.db, r.id, [
			{ itemId: 'vl-1', value: 1 + (i % 4), dontKnow: false, flagged: i % 2 === 0 }
		]);
		ids.push(r.id);
	}
	const empty = responses.start(temp.db, id).id;
	sessions.close(temp.db, id);
	return { id, ids, empty };
}

beforeEach(() => {
	temp = databaseWithQuestionnaires();
});
afterEach(() => temp.cleanup());

/** Every voter picks the first option, and the second when `both`. */
function everyoneVotes(ids: number[], both = true) {
	const options = votes.get(temp.db, sessionId)!.options.map((o) => o.id);
	for (const id of ids) {
		expect(
			votes.cast(temp.db, sessionId, id, both ? options.slice(0, 2) : options.slice(0, 1))
		).toBe('geteld');
	}
	return options;
}

describe('a topic vote through the results gate', () => {
	beforeEach(() => {
		const session = closedSession(6, 5);
		sessionId = session.id;
		respondents = session.ids;
	});

	it('cannot open before the results are shown', () => {
		expect(openVote(temp.db, sessionId, 'onderwerpen', 3)).toBe('niet-getoond');
		expect(results.voteOutcome(temp.db, sessionId)).toEqual({ state: 'geen' });
	});

	it('shows no totals while open, and none below the minimum of voters after closing', () => {
		results.release(temp.db, sessionId);
		expect(openVote(temp.db, sessionId, 'onderwerpen', 3)).toBe('geopend');
		everyoneVotes(respondents.slice(0, 4));
		const open = results.voteOutcome(temp.db, sessionId);
		expect(open).toMatchObject({ state: 'open', voters: 4 });
		expect(open).not.toHaveProperty('tallied');
		expect(votes.close(temp.db, sessionId)).toBe(true);
		const closed = results.voteOutcome(temp.db, sessionId);
		expect(closed).toMatchObject({ state: 'gesloten', voters: 4, tallied: null });
		// The totals are stored; the gate keeps them in.
		const stored = temp.db.$client
			.prepare('SELECT sum(votes) FROM topic_vote_totals WHERE session_id = ?')
			.pluck()
			.get(sessionId);
		expect(stored).toBe(8);
	});

	it('shows the totals once at least the minimum voted, most votes first', () => {
		results.release(temp.db, sessionId);
		openVote(temp.db, sessionId, 'onderwerpen', 2);
		const options = everyoneVotes(respondents.slice(0, 3), true);
		everyoneVotes(respondents.slice(3, 5), false);
		votes.close(temp.db, sessionId);
		const outcome = results.voteOutcome(temp.db, sessionId);
		if (outcome.state !== 'gesloten' || !outcome.tallied) throw new Error('no totals');
		expect(outcome.voters).toBe(5);
		expect(outcome.tallied.slice(0, 3).map((t) => [t.id, t.votes])).toEqual([
			[options[0], 5],
			[options[1], 3],
			[options[2], 0]
		]);
	});

	it('counts one vote set per respondent, and none after closing', () => {
		results.release(temp.db, sessionId);
		openVote(temp.db, sessionId, 'onderwerpen', 3);
		const [first] = everyoneVotes(respondents.slice(0, 1));
		expect(votes.cast(temp.db, sessionId, respondents[0], [first])).toBe('al-gestemd');
		expect(votes.hasVoted(temp.db, sessionId, respondents[0])).toBe(true);
		expect(votes.voterCount(temp.db, sessionId)).toBe(1);
		votes.close(temp.db, sessionId);
		expect(votes.cast(temp.db, sessionId, respondents[1], [first])).toBe('gesloten');
		expect(votes.voterCount(temp.db, sessionId)).toBe(1);
	});

	it('opens once per session, with the statements the team could see', () => {
		results.release(temp.db, sessionId);
		expect(openVote(temp.db, sessionId, 'onderwerpen-en-stellingen', 3)).toBe('geopend');
		expect(openVote(temp.db, sessionId, 'onderwerpen', 3)).toBe('bestaat-al');
		const options = votes.get(temp.db, sessionId)!.options;
		// Only vl-1 was scored, by 6 people: the one statement offered.
		expect(options.filter((o) => o.kind === 'stelling').map((o) => o.id)).toEqual(['s:vl-1']);
		expect(options.filter((o) => o.kind === 'onderwerp').length).toBeGreaterThan(3);
	});

	it('keeps no row that links a respondent to a choice', () => {
		const columns = (table: string) =>
			(temp.db.$client.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map(
				(c) => c.name
			);
		expect(columns('topic_voters')).toEqual(['session_id', 'response_id']);
		expect(columns('topic_vote_totals')).not.toContain('response_id');
	});

	it('goes with the session when it is deleted', () => {
		results.release(temp.db, sessionId);
		openVote(temp.db, sessionId, 'onderwerpen', 3);
		everyoneVotes(respondents.slice(0, 2));
		sessions.remove(temp.db, sessionId);
		for (const table of ['topic_votes', 'topic_voters', 'topic_vote_totals']) {
			expect(temp.db.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
		}
	});
});

describe('a small team', () => {
	it('needs as many voters as its own minimum, never fewer than 3', () => {
		const session = closedSession(3, 3);
		sessionId = session.id;
		results.release(temp.db, sessionId);
		openVote(temp.db, sessionId, 'onderwerpen', 3);
		everyoneVotes(session.ids.slice(0, 2));
		votes.close(temp.db, sessionId);
		expect(results.voteOutcome(temp.db, sessionId)).toMatchObject({ tallied: null, voters: 2 });
	});
});
