import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	CODE_ALPHABET,
	formatResumeCode,
	looksLikeJoinCode,
	looksLikeResumeCode,
	normalizeCode,
	randomCode
} from './codes';
import { randomIntFrom, seededRandom } from './random';

describe('codes', () => {
	it('leaves out characters that look alike', () => {
		for (const c of '01OIL') expect(CODE_ALPHABET).not.toContain(c);
	});

	it('ignores case, spaces and dashes', () => {
		expect(normalizeCode(' abc-def ')).toBe('ABCDEF');
		expect(normalizeCode('ab cd\tef')).toBe('ABCDEF');
	});

	it('makes codes of the asked length from the alphabet only', () => {
		fc.assert(
			fc.property(fc.integer(), fc.integer({ min: 1, max: 12 }), (seed, length) => {
				const code = randomCode(length, randomIntFrom(seededRandom(seed)));
				expect(code).toHaveLength(length);
				expect([...code].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
			})
		);
	});

	it('recognises a resume code however it is typed', () => {
		fc.assert(
			fc.property(fc.integer(), (seed) => {
				const code = randomCode(8, randomIntFrom(seededRandom(seed)));
				expect(looksLikeResumeCode(normalizeCode(formatResumeCode(code).toLowerCase()))).toBe(true);
			})
		);
	});

	it('tells join codes from other input', () => {
		expect(looksLikeJoinCode('DEMO26')).toBe(true);
		expect(looksLikeJoinCode('DEMO2')).toBe(false);
		expect(looksLikeJoinCode('DEMO2!')).toBe(false);
	});
});
