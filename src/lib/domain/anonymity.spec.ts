import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	effectiveMinimum,
	shownFigures,
	spreadBand,
	suppressedSentence,
	quickFillThresholdMs
} from './anonymity';
import { aggregateSession } from './aggregates';
import { parseQuestionnaire } from './questionnaire';
import type { ResponseRecord } from './scoring';

const questionnaire = parseQuestionnaire(
	{
		id: 'proef',
		version: 1,
		title: 'Proef',
		introduction: 'Een proef.',
		sources: ['Eigen tekst'],
		scale: {
			points: [1, 2, 3, 4, 5].map((value) => ({ value, label: `Punt ${value}` })),
			dontKnow: 'Weet ik niet'
		},
		dimensions: [
			{
				id: 'a',
				title: 'Onderwerp A',
				chartLabel: 'A',
				description: 'A.',
				source: 'Eigen tekst',
				items: [
					{ id: 'a1', statement: 'Stelling a1.' },
					{ id: 'a2', statement: 'Stelling a2.', reference: { percentage: 50, source: 'Proef' } }
				]
			},
			{
				id: 'b',
				title: 'Onderwerp B',
				chartLabel: 'B',
				description: 'B.',
				source: 'Eigen tekst',
				items: [{ id: 'b1', statement: 'Stelling b1.' }]
			}
		]
	},
	'proef.yaml'
);

const answer = (itemId: string, value: number | null) => ({
	itemId,
	value,
	dontKnow: value === null,
	flagged: false
});

describe('shownFigures', () => {
	it('hides a dimension where 4 of 5 said "weet ik niet": the one score would be one person', () => {
		const responses: ResponseRecord[] = [
			{ answers: [answer('a1', 4), answer('a2', 2), answer('b1', 5)] },
			...Array.from({ length: 4 }, () => ({
				answers: [answer('a1', null), answer('a2', null), answer('b1', 3)]
			}))
		];
		const shown = shownFigures(aggregateSession(questionnaire, responses), 5);
		expect(shown.dimensions?.[0]).toMatchObject({ n: 1, mean: null, sd: null, suppressed: true });
		expect(shown.dimensions?.[1]).toMatchObject({ n: 5, mean: 3.4, suppressed: false });
		expect(shown.items?.find((i) => i.itemId === 'a1')).toMatchObject({
			mean: null,
			suppressed: true,
			dontKnowShare: 0.8
		});
		expect(shown.taskProfile?.[0]).toMatchObject({ counts: null, doneShare: null });
	});

	it('makes a dimension’s figure from its statements’ shown figures, so it adds no equation', () => {
		// X scores a1 and says "weet ik niet" on a2; five others score both. With the mean of each
		// person's own mean, the dimension and statement means together would give X's a1 score.
		const responses: ResponseRecord[] = [
			{ answers: [answer('a1', 1), answer('a2', null)] },
			...[2, 3, 4, 5, 4].map((v) => ({ answers: [answer('a1', v), answer('a2', 6 - v)] }))
		];
		const shown = shownFigures(aggregateSession(questionnaire, responses), 5);
		const [a1, a2] = shown.items!.filter((i) => i.dimensionId === 'a');
		const pooled = (a1.n * a1.mean! + a2.n * a2.mean!) / (a1.n + a2.n);
		expect(shown.dimensions![0].mean).toBeCloseTo(pooled, 12);
		expect(shown.dimensions![0].n).toBe(6);
	});

	it('never returns a lowest, highest, middle or quartile value', () => {
		const responses = [3, 4, 5].map((v) => ({ answers: [answer('a1', v), answer('b1', v)] }));
		const shown = shownFigures(aggregateSession(questionnaire, responses), 3);
		for (const figure of [...shown.dimensions!, ...shown.items!]) {
			for (const key of ['min', 'max', 'median', 'q1', 'q3'])
				expect(figure).not.toHaveProperty(key);
		}
	});

	it('gives the same dimension figures from the stored statement scores as from the full statement figures (property)', () => {
		const value = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
		const response = fc.record({ a1: value, a2: value, b1: value });
		fc.assert(
			fc.property(
				fc.array(response, { minLength: 1, maxLength: 15 }),
				fc.integer({ min: 1, max: 8 }),
				(people, minRespondents) => {
					const responses = people.map((p) => ({
						answers: [answer('a1', p.a1), answer('a2', p.a2), answer('b1', p.b1)]
					}));
					const { dimensions, items, itemScores } = aggregateSession(questionnaire, responses);
					const fromItems = shownFigures({ dimensions, items }, minRespondents);
					const fromScores = shownFigures({ dimensions, itemScores }, minRespondents);
					expect(fromScores.dimensions).toEqual(fromItems.dimensions);
					expect(fromScores).not.toHaveProperty('items');
				}
			)
		);
	});

	it('keeps every figure that rests on enough scores, and only those (property)', () => {
		const value = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null });
		const response = fc.record({ a1: value, a2: value, b1: value, skip: fc.boolean() });
		fc.assert(
			fc.property(
				fc.array(response, { minLength: 1, maxLength: 15 }),
				fc.integer({ min: 1, max: 8 }),
				(people, minRespondents) => {
					const responses = people.map((p) => ({
						answers: p.skip
							? [answer('b1', p.b1)]
							: [answer('a1', p.a1), answer('a2', p.a2), answer('b1', p.b1)]
					}));
					const shown = shownFigures(aggregateSession(questionnaire, responses), minRespondents);
					const minimum = effectiveMinimum(minRespondents);
					const valueOf = (p: (typeof people)[number], id: 'a1' | 'a2' | 'b1') =>
						p.skip && id !== 'b1' ? null : p[id];
					const scorers = (ids: string[]) =>
						people.filter((p) => ids.some((id) => valueOf(p, id as 'a1') !== null)).length;
					for (const d of shown.dimensions!) {
						const ids = d.dimensionId === 'a' ? ['a1', 'a2'] : ['b1'];
						expect(d.n).toBe(scorers(ids));
						if (d.mean !== null) expect(d.n).toBeGreaterThanOrEqual(minimum);
						if (d.n < minimum) expect(d.suppressed).toBe(true);
					}
					for (const i of shown.items!) {
						expect(i.n).toBe(scorers([i.itemId]));
						if (i.mean !== null || i.sd !== null) expect(i.n).toBeGreaterThanOrEqual(minimum);
					}
					for (const row of shown.taskProfile!) {
						if (row.counts) {
							expect(row.counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(minimum);
						}
					}
				}
			)
		);
	});
});

describe('spreadBand', () => {
	it('is the mean plus and minus the standard deviation, within the scale', () => {
		expect(
			spreadBand(
				[
					{ mean: 3, sd: 1 },
					{ mean: 4.5, sd: 1 },
					{ mean: null, sd: null }
				],
				1,
				5
			)
		).toEqual({ low: [2, 3.5, null], high: [4, 5, null] });
	});
});

describe('suppressedSentence', () => {
	it('names the dimensions left out, and says nothing when none are', () => {
		const d = (title: string, suppressed: boolean) => ({ title, suppressed });
		expect(suppressedSentence([d('A', false)], 5)).toBe('');
		expect(suppressedSentence([d('A', true), d('B', false), d('C', true)], 2)).toContain(
			'Over A en C gaven minder dan 3 teamleden een score.'
		);
	});
});

describe('quickFillThresholdMs', () => {
	it('allows two seconds a statement', () => {
		expect(quickFillThresholdMs(30)).toBe(60_000);
	});
});
