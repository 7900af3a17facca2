import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Questionnaire } from './questionnaire';
import { groupTaskProfile, taskProfile } from './task-profile';

const questionnaire: Questionnaire = {
	id: 'taken',
	version: 1,
	title: 'Taken',
	introduction: 'Taken.',
	sources: ['Bron'],
	scale: {
		points: [
			{ value: 1, label: 'Doen we niet' },
			{ value: 2, label: 'Doen we deels' },
			{ value: 3, label: 'Doen we volledig' }
		],
		dontKnow: 'Weet ik niet'
	},
	dimensions: [
		{
			id: 'hulp',
			title: 'Hulp',
			chartLabel: 'Hulp',
			description: 'Hulp.',
			source: 'Bron',
			items: [
				{
					id: 'a',
					statement: 'We geven lichte hulp.',
					reference: { percentage: 79.6, source: 'Peiling' }
				},
				{ id: 'b', statement: 'Zonder referentie.' }
			]
		}
	]
};

const answer = (value: number | null, dontKnow = false) => ({
	answers: [{ itemId: 'a', value, dontKnow, flagged: false }]
});

describe('taskProfile', () => {
	it('lists only tasks with a national reference, with the team’s answers beside it', () => {
		const rows = taskProfile(questionnaire, [
			answer(1),
			answer(2),
			answer(3),
			answer(3),
			answer(null, true)
		]);
		expect(rows).toEqual([
			{
				itemId: 'a',
				statement: 'We geven lichte hulp.',
				counts: [1, 1, 2],
				doneShare: 0.75,
				reference: { percentage: 79.6, source: 'Peiling' },
				assignment: null
			}
		]);
	});

	it('keeps the share between 0 and 1 and leaves "weet ik niet" out', () => {
		fc.assert(
			fc.property(fc.array(fc.option(fc.integer({ min: 1, max: 3 }), { nil: null })), (values) => {
				const [row] = taskProfile(
					questionnaire,
					values.map((v) => answer(v, v === null))
				);
				const scored = values.filter((v) => v !== null).length;
				expect(row.counts.reduce((a, b) => a + b, 0)).toBe(scored);
				if (scored === 0) expect(row.doneShare).toBeNull();
				else {
					expect(row.doneShare).toBeGreaterThanOrEqual(0);
					expect(row.doneShare).toBeLessThanOrEqual(1);
				}
			})
		);
	});
});

describe('groupTaskProfile', () => {
	const teamRow = (counts: number[]) => {
		const total = counts.reduce((a, b) => a + b, 0);
		return {
			itemId: 'a',
			statement: 'We geven lichte hulp.',
			counts,
			doneShare: total === 0 ? null : (total - counts[0]) / total,
			reference: { percentage: 79.6, source: 'Peiling' }
		};
	};

	it('counts a team as doing a task when at least half its members say so, and pools the members', () => {
		const [row] = groupTaskProfile([
			[teamRow([2, 1, 1])], // half say at least partly: does it
			[teamRow([3, 1, 0])], // a quarter: does not
			[teamRow([0, 0, 0])], // nobody answered: not counted
			[{ ...teamRow([1, 0, 0]), counts: null, doneShare: null }] // too few scores: left out
		]);
		expect(row).toEqual({
			itemId: 'a',
			statement: 'We geven lichte hulp.',
			teamsDoing: 1,
			teamsAnswering: 2,
			teamsTooFew: 1,
			respondentShare: 3 / 8,
			reference: { percentage: 79.6, source: 'Peiling' },
			assignedShare: null
		});
	});

	it('pools the "hoort bij de opdracht" answers of the teams that were asked, and of no hidden team', () => {
		const asked = (ja: number, nee: number, weetNiet: number) => ({
			...teamRow([1, 2, 2]),
			assignment: { ja, nee, weetNiet }
		});
		const [row] = groupTaskProfile([
			[asked(4, 1, 0)],
			[asked(1, 3, 1)],
			[teamRow([1, 2, 2])], // a v1 session: not asked
			[{ ...asked(9, 0, 0), counts: null, doneShare: null, assignment: null }] // hidden
		]);
		expect(row.assignedShare).toBe(5 / 10);
		expect(row.teamsTooFew).toBe(1);
	});

	it('puts the pooled share between the lowest and highest team, and never more teams doing than answering', () => {
		const counts = fc.array(fc.nat({ max: 30 }), { minLength: 3, maxLength: 3 });
		fc.assert(
			fc.property(fc.array(counts, { minLength: 1, maxLength: 12 }), (teams) => {
				const profiles = teams.map((c) => [teamRow(c)]);
				const [row] = groupTaskProfile(profiles);
				expect(row.teamsDoing).toBeLessThanOrEqual(row.teamsAnswering);
				const shares = profiles.map((p) => p[0].doneShare).filter((s): s is number => s !== null);
				if (shares.length === 0) expect(row.respondentShare).toBeNull();
				else {
					expect(row.respondentShare!).toBeGreaterThanOrEqual(Math.min(...shares) - 1e-12);
					expect(row.respondentShare!).toBeLessThanOrEqual(Math.max(...shares) + 1e-12);
				}
			})
		);
	});
});
