import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	desiredCount,
	fillInMinutes,
	fillInSeconds,
	SECONDS_PER_DESIRED,
	SECONDS_PER_STATEMENT,
	statementCount
} from './fill-in-time';

/** A questionnaire shape with the given number of statements per dimension. */
function withItems(...perDimension: number[]) {
	return {
		dimensions: perDimension.map((n, d) => ({
			items: Array.from({ length: n }, (_, i) => ({ id: `d${d}-${i}` }))
		}))
	} as unknown as Parameters<typeof fillInMinutes>[0];
}

describe('fillInMinutes', () => {
	it('counts about 7 seconds a statement and rounds up to whole minutes', () => {
		expect(statementCount(withItems(6, 6, 6, 5, 8))).toBe(31);
		expect(fillInMinutes(withItems(6, 6, 6, 5, 8))).toBe(4); // 217 seconds
		expect(fillInMinutes(withItems(43))).toBe(6); // 301 seconds
		expect(fillInMinutes(withItems(1, 59))).toBe(7); // 420 seconds: exactly 7 minutes
	});

	it('says at least one minute, also for a single statement', () => {
		expect(fillInMinutes(withItems(1))).toBe(1);
	});

	it('never promises less time than the statements take, and at most a minute more', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 12 }),
				(sizes) => {
					const q = withItems(...sizes);
					const seconds = statementCount(q) * SECONDS_PER_STATEMENT;
					const minutes = fillInMinutes(q);
					expect(Number.isInteger(minutes)).toBe(true);
					expect(minutes * 60).toBeGreaterThanOrEqual(seconds);
					expect(minutes * 60 - seconds).toBeLessThan(60);
				}
			)
		);
	});

	it('grows, never shrinks, when a statement is added', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 200 }), (n) => {
				expect(fillInMinutes(withItems(n + 1))).toBeGreaterThanOrEqual(fillInMinutes(withItems(n)));
			})
		);
	});
});

describe('fillInMinutes with "gewenst"', () => {
	it('adds one answer per dimension, at 10 seconds each, only when the questionnaire asks it', () => {
		const without = withItems(6, 6, 6, 5, 8);
		const withDesired = { ...without, gewenst: true };
		expect(desiredCount(without)).toBe(0);
		expect(desiredCount(withDesired)).toBe(5);
		expect(fillInSeconds(withDesired)).toBe(31 * 7 + 5 * SECONDS_PER_DESIRED);
		expect(fillInMinutes(withDesired)).toBe(5); // 267 seconds
	});

	it('never estimates less with "gewenst" than without', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 12 }),
				(sizes) => {
					const q = withItems(...sizes);
					expect(fillInSeconds({ ...q, gewenst: true })).toBe(
						fillInSeconds(q) + sizes.length * SECONDS_PER_DESIRED
					);
					expect(fillInMinutes({ ...q, gewenst: true })).toBeGreaterThanOrEqual(fillInMinutes(q));
				}
			)
		);
	});
});
