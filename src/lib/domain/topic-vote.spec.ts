import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseForm } from './forms';
import {
	ballotSchema,
	enoughVoters,
	OpenVoteSchema,
	outcomeSentence,
	tally,
	voteOptions,
	winners,
	type VoteOption
} from './topic-vote';

const dimensions = [
	{ dimensionId: 'a', title: 'Veilig opgroeien' },
	{ dimensionId: 'b', title: 'Tijdig signaleren' }
];
const item = (itemId: string, sd: number | null, flags: number, suppressed = false) => ({
	itemId,
	statement: `Stelling ${itemId}`,
	sd,
	flags,
	suppressed
});

describe('the options of a vote', () => {
	it('are the dimensions only when the team votes on topics', () => {
		const options = voteOptions('onderwerpen', dimensions, [item('x', 1.5, 3)]);
		expect(options).toEqual([
			{ id: 'd:a', label: 'Veilig opgroeien', kind: 'onderwerp' },
			{ id: 'd:b', label: 'Tijdig signaleren', kind: 'onderwerp' }
		]);
	});

	it('add the statements with most spread and most flags, each once', () => {
		const items = [
			item('p', 0.2, 0),
			item('q', 1.4, 5),
			item('r', 1.1, 0),
			item('s', 0.9, 0),
			item('t', 0.5, 2),
			item('u', 0.1, 1)
		];
		const ids = voteOptions('onderwerpen-en-stellingen', dimensions, items).map((o) => o.id);
		// spread: q, r, s; flags: q (again), t, u
		expect(ids).toEqual(['d:a', 'd:b', 's:q', 's:r', 's:s', 's:t', 's:u']);
	});

	it('never offer a statement whose figures are left out for too few scores', () => {
		const items = [item('hidden', null, 4, true), item('shown', 1, 0)];
		const ids = voteOptions('onderwerpen-en-stellingen', dimensions, items).map((o) => o.id);
		expect(ids).not.toContain('s:hidden');
		expect(ids).toContain('s:shown');
	});
});

const options: VoteOption[] = [
	{ id: 'd:a', label: 'A', kind: 'onderwerp' },
	{ id: 'd:b', label: 'B', kind: 'onderwerp' },
	{ id: 'd:c', label: 'C', kind: 'onderwerp' },
	{ id: 's:x', label: 'X', kind: 'stelling' }
];

function ballot(choices: string[], votesEach = 3) {
	const form = new FormData();
	for (const c of choices) form.append('keuze', c);
	return parseForm(ballotSchema(options, votesEach), form, ['keuze']);
}

describe('a ballot', () => {
	it('accepts one up to the number of votes, each an option of this vote', () => {
		expect(ballot(['d:a']).ok).toBe(true);
		expect(ballot(['d:a', 'd:b', 's:x'])).toEqual({
			ok: true,
			data: { keuze: ['d:a', 'd:b', 's:x'] }
		});
	});

	it('refuses an empty ballot, too many votes, doubles and unknown options in Dutch', () => {
		expect(ballot([])).toMatchObject({
			ok: false,
			errors: { keuze: 'Kies minstens één onderwerp.' }
		});
		expect(ballot(['d:a', 'd:b', 'd:c'], 2)).toMatchObject({
			ok: false,
			errors: { keuze: 'Je hebt 2 stemmen. Kies hoogstens 2 onderwerpen.' }
		});
		expect(ballot(['d:a', 'd:a'])).toMatchObject({
			ok: false,
			errors: { keuze: 'Kies elk onderwerp hoogstens één keer.' }
		});
		expect(ballot(['d:zzz'])).toMatchObject({
			ok: false,
			errors: { keuze: 'Kies alleen uit de onderwerpen op deze pagina.' }
		});
	});

	it('refuses fields it does not know', () => {
		const form = new FormData();
		form.append('keuze', 'd:a');
		form.append('extra', '1');
		expect(parseForm(ballotSchema(options, 3), form, ['keuze']).ok).toBe(false);
	});

	it('never accepts more choices than votes, whatever is sent', () => {
		const ids = [...options.map((o) => o.id), 'd:zzz', ''];
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom(...ids), { maxLength: 8 }),
				fc.constantFrom(2, 3),
				(c, n) => {
					const result = ballot(c, n);
					if (result.ok) {
						expect(result.data.keuze.length).toBeLessThanOrEqual(n);
						expect(new Set(result.data.keuze).size).toBe(result.data.keuze.length);
						expect(result.data.keuze.every((k) => options.some((o) => o.id === k))).toBe(true);
					}
				}
			)
		);
	});
});

describe('opening a vote', () => {
	it('takes two or three votes each and a known subject', () => {
		expect(OpenVoteSchema.safeParse({ subject: 'onderwerpen', votesEach: '2' }).success).toBe(true);
		expect(OpenVoteSchema.safeParse({ subject: 'onderwerpen', votesEach: '4' }).success).toBe(
			false
		);
		expect(OpenVoteSchema.safeParse({ subject: 'alles', votesEach: '3' }).success).toBe(false);
	});
});

describe('the tally', () => {
	it('puts most votes first and keeps the list order between equal totals', () => {
		const totals = new Map([
			['d:b', 2],
			['d:c', 4],
			['s:x', 2]
		]);
		expect(tally(options, totals).map((t) => [t.id, t.votes])).toEqual([
			['d:c', 4],
			['d:b', 2],
			['s:x', 2],
			['d:a', 0]
		]);
	});

	it('counts every vote once: the sum of the totals is the sum of the ballots', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.subarray(
						options.map((o) => o.id),
						{ minLength: 1, maxLength: 3 }
					),
					{
						maxLength: 20
					}
				),
				(ballots) => {
					const totals = new Map<string, number>();
					for (const b of ballots) for (const id of b) totals.set(id, (totals.get(id) ?? 0) + 1);
					const tallied = tally(options, totals);
					expect(tallied.reduce((n, t) => n + t.votes, 0)).toBe(
						ballots.reduce((n, b) => n + b.length, 0)
					);
					expect(tallied.length).toBe(options.length);
				}
			)
		);
	});

	it('names every option that shares the most votes, and none when nobody voted', () => {
		const tied = tally(
			options,
			new Map([
				['d:a', 3],
				['d:c', 3],
				['d:b', 1]
			])
		);
		expect(winners(tied).map((w) => w.id)).toEqual(['d:a', 'd:c']);
		expect(winners(tally(options, new Map()))).toEqual([]);
	});
});

describe('showing the outcome', () => {
	it('needs at least the session minimum of voters, and never fewer than 3', () => {
		expect(enoughVoters(4, 5)).toBe(false);
		expect(enoughVoters(5, 5)).toBe(true);
		expect(enoughVoters(2, 2)).toBe(false);
		expect(enoughVoters(3, 2)).toBe(true);
	});

	it('says in words who won, or why nothing is shown', () => {
		const tallied = tally(
			options,
			new Map([
				['d:b', 4],
				['d:a', 1]
			])
		);
		expect(outcomeSentence(tallied, 5, 5)).toBe(
			'5 teamleden stemden. De meeste stemmen (4 stemmen) gingen naar "B".'
		);
		const tied = tally(
			options,
			new Map([
				['d:a', 3],
				['d:c', 3]
			])
		);
		expect(outcomeSentence(tied, 5, 5)).toBe(
			'5 teamleden stemden. Evenveel stemmen (3 stemmen elk) gingen naar "A" en "C".'
		);
		expect(outcomeSentence(null, 4, 5)).toBe(
			'4 teamleden stemden. De uitslag tonen we pas als minstens 5 teamleden stemden, zodat niemand herkenbaar is.'
		);
	});
});
