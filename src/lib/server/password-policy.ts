import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as dutch from '@zxcvbn-ts/language-nl-be';

/**
 * New passwords must be hard to guess, not only long: zxcvbn (offline, maintained as zxcvbn-ts)
 * knows common passwords, Dutch words and names, repeats, sequences and keyboard patterns.
 * Score 3 of 4 means at least 10^8 guesses by zxcvbn's estimate: out of reach online (logins are
 * limited), and years of scrypt work (64 MiB per try) with a stolen copy of the hashes.
 * Server-only: the word lists are megabytes.
 */
export const MIN_SCORE = 3;

let checker: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
	checker ??= new ZxcvbnFactory({
		dictionary: { ...common.dictionary, ...dutch.dictionary },
		graphs: common.adjacencyGraphs
	});
	return checker;
}

/** Why a password is easy to guess, in words for people (B1), from its weakest parts. */
function reason(result: ZxcvbnResult): string {
	const patterns = new Set(result.sequence.map((part) => part.pattern));
	if (patterns.has('repeat')) return 'het herhaalt dezelfde tekens';
	if (patterns.has('sequence')) return 'het bevat een reeks zoals abcd of 1234';
	if (patterns.has('spatial')) return 'het bevat een patroon op het toetsenbord, zoals qwerty';
	if (patterns.has('date')) return 'het bevat een datum of jaartal';
	if (patterns.has('dictionary')) {
		return 'het is een veelgebruikt wachtwoord, of bestaat vooral uit een bekend woord of je naam';
	}
	return 'het lijkt op wachtwoorden die vaak worden geraden';
}

/**
 * What is wrong with a new password, or null when it is strong enough. `personal` are words that
 * an attacker knows about the user (e-mail address, name).
 */
export function passwordProblem(password: string, personal: readonly string[] = []): string | null {
	// zxcvbn is slow on very long input; the first 100 characters decide.
	const inputs = personal
		.flatMap((p) => [p, ...p.split(/[^\p{L}\p{N}]+/u)])
		.filter((p) => p.length >= 3);
	const result = zxcvbn().check(password.slice(0, 100), inputs);
	if (result.score >= MIN_SCORE) return null;
	return `Dit wachtwoord is te makkelijk te raden: ${reason(result)}. Kies bijvoorbeeld een zin van een paar woorden die niet vaak samen voorkomen.`;
}
