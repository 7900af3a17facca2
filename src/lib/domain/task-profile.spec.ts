import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Questionnaire } from './questionnaire';
import { taskProfile } from './task-profile';

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
				reference: { percentage: 79.6, source: 'Peiling' }
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
