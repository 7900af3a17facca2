import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { passwordProblem } from './password-policy';

describe('password policy (issue 10, W12)', () => {
	it("refuses the probe's aaaaaaaaaaaa and says why, in Dutch", () => {
		expect(passwordProblem('aaaaaaaaaaaa')).toBe(
			'Dit wachtwoord is te makkelijk te raden: het herhaalt dezelfde tekens. Kies bijvoorbeeld een zin van een paar woorden die niet vaak samen voorkomen.'
		);
	});

	it('refuses common passwords, Dutch ones, sequences and keyboard patterns', () => {
		for (const weak of [
			'wachtwoord123',
			'welkom123456',
			'Wachtwoord01!',
			'1234567890ab',
			'qwertyuiop12',
			'abcdefghijkl',
			'password1234'
		]) {
			expect(passwordProblem(weak), weak).not.toBeNull();
		}
	});

	it("refuses a password made of the user's own name or address", () => {
		expect(
			passwordProblem('jansenwijkteam', ['j.jansen@wijkteam.nl', 'Jan Jansen'])
		).not.toBeNull();
	});

	it('accepts a sentence of a few words', () => {
		expect(passwordProblem('een zin van vijf woorden')).toBeNull();
		expect(passwordProblem('correct paard batterij nietje')).toBeNull();
		expect(passwordProblem('Gx7#pQ2v!rT9wL')).toBeNull();
	});

	it('refuses every password that repeats a short piece', () => {
		fc.assert(
			fc.property(
				fc.string({ minLength: 1, maxLength: 3 }),
				fc.integer({ min: 12, max: 24 }),
				(piece, length) => {
					const password = piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
					expect(passwordProblem(password)).not.toBeNull();
				}
			),
			{ numRuns: 40 }
		);
	}, 20_000);
});
