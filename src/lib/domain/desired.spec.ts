import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortAgenda } from './agenda';
import { shownFigures } from './anonymity';
import { aggregateSession } from './aggregates';
import { desiredStatistics, formatGap, gap, gapSentence, withGaps } from './desired';
import { parseQuestionnaire } from './questionnaire';
import type { ResponseRecord } from './scoring';
import { sessionRadar } from './session-radar';

const definition = {
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
				{ id: 'a2', statement: 'Stelling a2.', reverse: true }
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
};
const withDesired = parseQuestionnaire({ ...definition, gewenst: true }, 'proef.yaml');
const withoutDesired = parseQuestionnaire(definition, 'proef.yaml');

const answer = (itemId: string, value: number | null) => ({
	itemId,
	value,
	dontKnow: value === null,
	flagged: false
});
const wish = (dimensionId: string, value: number | null) => ({
	dimensionId,
	value,
	dontKnow: value === null
});

/** n respondents who all score `now` on every statement (after reverse scoring) and wish `wanted`. */
function team(n: number, now: number, wanted: (i: number) => number | null): ResponseRecord[] {
	return Array.from({ length: n }, (_, i) => ({
		answers: [answer('a1', now), answer('a2', 6 - now), answer('b1', now)],
		desired: [wish('a', wanted(i)), wish('b', wanted(i))]
	}));
}

describe('desiredStatistics', () => {
	it('is empty for a questionnaire that does not ask "gewenst", whatever was stored', () => {
		expect(
			desiredStatistics(
				withoutDesired,
				team(5, 3, () => 4)
			).size
		).toBe(0);
	});

	it('counts each person once per dimension, "weet ik niet" apart, without reverse scoring', () => {
		const stats = desiredStatistics(
			withDesired,
			team(4, 2, (i) => (i === 0 ? null : 2 + i))
		);
		expect(stats.get('a')).toMatchObject({ n: 3, mean: 4, dontKnow: 1, answered: 4 });
	});

	it('ignores a value outside the scale: it cannot have come through the form', () => {
		const stats = desiredStatistics(withDesired, [{ desired: [wish('a', 9)] }]);
		expect(stats.get('a')).toMatchObject({ n: 0, mean: null, answered: 0 });
	});
});

describe('gap', () => {
	it('is gewenst minus nu, and null when either is not shown', () => {
		fc.assert(
			fc.property(
				fc.option(fc.double({ min: 1, max: 5, noNaN: true })),
				fc.option(fc.double({ min: 1, max: 5, noNaN: true })),
				(now, desired) => {
					const g = gap(now, desired);
					if (now === null || desired === null) expect(g).toBeNull();
					else expect(g).toBeCloseTo(desired - now, 12);
				}
			)
		);
	});

	it('is written with a sign, so a wish to go up reads as "+"', () => {
		expect(formatGap(1.24)).toBe('+1,2');
		expect(formatGap(-0.5)).toBe('-0,5');
		expect(formatGap(0.01)).toBe('0,0');
		expect(formatGap(null)).toBe('–');
	});
});

describe('shownFigures with "gewenst"', () => {
	it('hides "gewenst" below the minimum on its own, while "nu" is shown', () => {
		// 5 scored "nu"; only 4 gave a "gewenst" score, the fifth said "weet ik niet".
		const figures = aggregateSession(
			withDesired,
			team(5, 3, (i) => (i === 4 ? null : 4))
		);
		const [a] = shownFigures(figures, 5).dimensions!;
		expect(a.suppressed).toBe(false);
		expect(a.mean).toBe(3);
		expect(a.desired).toEqual({ n: 4, mean: null, sd: null, suppressed: true });
		expect(a.gap).toBeNull();
	});

	it('shows "gewenst" and the gap when both rest on the minimum', () => {
		const figures = aggregateSession(
			withDesired,
			team(5, 3, () => 4)
		);
		const [a] = shownFigures(figures, 5).dimensions!;
		expect(a.desired).toMatchObject({ n: 5, mean: 4, suppressed: false });
		expect(a.gap).toBe(1);
	});

	it('never shows a "gewenst" mean resting on fewer people than the minimum (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), {
					minLength: 0,
					maxLength: 12
				}),
				fc.integer({ min: 3, max: 8 }),
				(wishes, minimum) => {
					const responses = wishes.map((w) => ({
						answers: [answer('a1', 3)],
						desired: [wish('a', w)]
					}));
					const [a] = shownFigures(aggregateSession(withDesired, responses), minimum).dimensions!;
					const scored = wishes.filter((w) => w !== null).length;
					expect(a.desired!.n).toBe(scored);
					if (scored < minimum) {
						expect(a.desired!.mean).toBeNull();
						expect(a.desired!.sd).toBeNull();
						expect(a.gap).toBeNull();
					} else expect(a.desired!.mean).not.toBeNull();
					expect(a.desired).not.toHaveProperty('min');
					expect(a.desired).not.toHaveProperty('median');
				}
			)
		);
	});

	it('has no "gewenst" at all for a questionnaire that does not ask it', () => {
		const [a] = shownFigures(
			aggregateSession(
				withoutDesired,
				team(5, 3, () => 4)
			),
			5
		).dimensions!;
		expect(a.desired).toBeNull();
		expect(a.gap).toBeNull();
	});
});

describe('the agenda by gap', () => {
	it('puts the statement furthest below its dimension\'s "gewenst" first, hidden ones last', () => {
		const items = [
			{ itemId: 'x', dimensionId: 'a', mean: 3.5, sd: 1, flags: 0 },
			{ itemId: 'y', dimensionId: 'a', mean: null, sd: null, flags: 0 },
			{ itemId: 'z', dimensionId: 'b', mean: 2, sd: 0.5, flags: 0 },
			{ itemId: 'w', dimensionId: 'a', mean: 2.5, sd: 0.2, flags: 0 }
		];
		const dimensions = [
			{ dimensionId: 'a', desired: { mean: 4.5 } },
			{ dimensionId: 'b', desired: { mean: 3 } }
		];
		const sorted = sortAgenda(withGaps(items, dimensions), 'afstand');
		expect(sorted.map((i) => i.itemId)).toEqual(['w', 'x', 'z', 'y']);
		expect(sorted[0].gap).toBe(2);
	});

	it('leaves statements without a gap when the questionnaire did not ask "gewenst"', () => {
		const items = [{ itemId: 'x', dimensionId: 'a', mean: 3 }];
		expect(withGaps(items, [{ dimensionId: 'a', desired: null }])[0]).not.toHaveProperty('gap');
	});
});

describe('gapSentence', () => {
	it('names the dimension with the largest gap, the first one on a tie', () => {
		expect(
			gapSentence([
				{ title: 'Onderwerp A', mean: 3, gap: 1 },
				{ title: 'Onderwerp B', mean: 2.5, gap: 1.5 },
				{ title: 'Onderwerp C', mean: 2, gap: 1.5 }
			])
		).toBe(
			'Het verschil tussen nu en gewenst is het grootst bij Onderwerp B (nu 2,5, gewenst 4,0).'
		);
	});

	it('says nothing when no gap is shown', () => {
		expect(gapSentence([{ title: 'A', mean: 3, gap: null }])).toBe('');
	});
});

describe('sessionRadar', () => {
	it('draws "gewenst" as a second line with its own dash pattern and point shape', () => {
		const dimensions = shownFigures(
			aggregateSession(
				withDesired,
				team(5, 3, () => 4)
			),
			5
		).dimensions!;
		const [now, desired, ...band] = sessionRadar(dimensions, withDesired.scale).data.datasets;
		expect(desired.label).toMatch(/^Gewenst/);
		expect(desired.data).toEqual([4, 4]);
		expect(desired.borderDash).not.toEqual(now.borderDash);
		expect(desired.pointStyle).not.toBe(now.pointStyle);
		expect(band).toHaveLength(2);
	});

	it('draws only the team\'s line and band where "gewenst" was not asked', () => {
		const dimensions = shownFigures(
			aggregateSession(
				withoutDesired,
				team(5, 3, () => 4)
			),
			5
		).dimensions!;
		const datasets = sessionRadar(dimensions, withoutDesired.scale).data.datasets;
		expect(datasets.map((d) => d.label)).toEqual([
			'Gemiddelde van het team',
			'Spreiding (gemiddelde ± standaardafwijking): bovenkant',
			'Spreiding (gemiddelde ± standaardafwijking): onderkant'
		]);
	});
});
