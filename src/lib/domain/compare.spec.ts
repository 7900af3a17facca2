import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	changes,
	comparisonSummary,
	formatChange,
	groupAverage,
	sameDimensions,
	trend,
	type SessionFigures
} from './compare';

const dims = ['a', 'b'];

const figures = fc.record({
	mean: fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: null }),
	count: fc.integer({ min: 1, max: 30 })
});

function session(i: number, a: { mean: number | null; count: number }): SessionFigures {
	return {
		sessionId: i,
		teamId: i,
		teamName: `Team ${i}`,
		meetrondeId: 1,
		meetrondeName: 'Ronde',
		startsOn: '2026-01-01',
		respondents: a.count,
		means: { a: a.mean, b: 3 },
		counts: { a: a.count, b: a.count }
	};
}

describe('groupAverage', () => {
	it('lies between the lowest and highest team, over teams and over respondents', () => {
		fc.assert(
			fc.property(fc.array(figures, { minLength: 1, maxLength: 12 }), (teams) => {
				const sessions = teams.map((t, i) => session(i, t));
				const scored = teams.map((t) => t.mean).filter((m): m is number => m !== null);
				for (const mode of ['teams', 'respondenten'] as const) {
					const average = groupAverage(sessions, dims, mode).a;
					if (scored.length === 0) expect(average).toBeNull();
					else {
						expect(average).toBeGreaterThanOrEqual(Math.min(...scored) - 1e-9);
						expect(average).toBeLessThanOrEqual(Math.max(...scored) + 1e-9);
					}
				}
			})
		);
	});

	it('weights by respondents only when asked to', () => {
		const sessions = [session(1, { mean: 2, count: 1 }), session(2, { mean: 4, count: 3 })];
		expect(groupAverage(sessions, dims, 'teams').a).toBe(3);
		expect(groupAverage(sessions, dims, 'respondenten').a).toBe(3.5);
	});
});

describe('changes', () => {
	it('are zero when a round is compared with itself', () => {
		fc.assert(
			fc.property(
				fc.array(fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: null }), {
					minLength: 2,
					maxLength: 2
				}),
				([a, b]) => {
					const means = { a, b };
					for (const change of Object.values(changes(means, means, dims))) {
						expect(change === null || change === 0).toBe(true);
					}
				}
			)
		);
	});

	it('are null where one side has no figure', () => {
		expect(changes({ a: 3, b: null }, { a: 2, b: 4 }, dims)).toEqual({ a: 1, b: null });
	});
});

describe('trends and formatting', () => {
	it('give every change an arrow and a word, never colour alone', () => {
		expect(trend(0.4)).toEqual({ symbol: '▲', label: 'hoger' });
		expect(trend(-0.4)).toEqual({ symbol: '▼', label: 'lager' });
		expect(trend(0.02)).toEqual({ symbol: '►', label: 'gelijk' });
		expect(trend(null).label).toBe('geen vergelijking');
	});

	it('write changes with a sign and a decimal comma', () => {
		expect(formatChange(0.44)).toBe('+0,4');
		expect(formatChange(-0.25)).toBe('−0,3');
		expect(formatChange(0.01)).toBe('0,0');
		expect(formatChange(null)).toBe('–');
	});
});

describe('sameDimensions', () => {
	it('compares versions only when their dimension ids match', () => {
		expect(sameDimensions(['a', 'b'], ['b', 'a'])).toBe(true);
		expect(sameDimensions(['a', 'b'], ['a', 'c'])).toBe(false);
		expect(sameDimensions(['a'], ['a', 'b'])).toBe(false);
	});
});

describe('comparisonSummary', () => {
	const dimensions = [
		{ id: 'a', title: 'Alfa' },
		{ id: 'b', title: 'Beta' }
	];

	it('names the highest dimension and the largest rise since the first round', () => {
		const text = comparisonSummary(
			[
				{ label: 'de nulmeting', means: { a: 3, b: 2 } },
				{ label: '1-meting', means: { a: 3.2, b: 3 } }
			],
			dimensions,
			'rondes'
		);
		expect(text).toBe(
			'Over alle rondes scoort het team het hoogst op Alfa (gemiddeld 3,1). De grootste vooruitgang sinds de nulmeting is er bij Beta (+1,0).'
		);
	});

	it('says so when there is nothing to compare', () => {
		expect(comparisonSummary([], dimensions, 'teams')).toMatch(/nog geen uitkomsten/);
	});

	it('never calls a takenprofiel better or worse: no "scoren het hoogst" or "vooruitgang"', () => {
		const rows = [
			{ label: 'de nulmeting', means: { a: 1.5, b: 2 } },
			{ label: '1-meting', means: { a: 2.8, b: 2.1 } }
		];
		for (const over of ['teams', 'rondes'] as const) {
			const text = comparisonSummary(rows, dimensions, over, 'tasks');
			expect(text).not.toMatch(/scoor|scoren|hoogst|vooruitgang/);
			expect(text).toMatch(/de meeste taken bij/);
			expect(text).toMatch(/geen oordeel/);
		}
	});
});
