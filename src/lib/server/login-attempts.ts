import { verifyPassword } from './auth';
import type { Db } from './db';
import * as users from './db/users';
import * as twoFactor from './db/two-factor';
import { RateLimiter, reserveAttempt } from './rate-limit';
import { acceptedCounter, hashRecoveryCode, looksLikeRecoveryCode } from './two-factor';

const WINDOW_MS = 15 * 60 * 1000;

/**
 * Failed password checks are limited three ways, each per 15 minutes:
 * - per account and address (5): someone guessing one account from one place stops quickly;
 * - per address (20): one place guessing many accounts stops too;
 * - per account (50), whatever the address: guessing from many places stays slow, while a stranger
 *   with a few addresses cannot lock the real user out (that needs 50 wrong tries per quarter hour).
 */
export class LoginLimits {
	constructor(
		readonly perAccountAndClient = new RateLimiter(5, WINDOW_MS),
		readonly perClient = new RateLimiter(20, WINDOW_MS),
		readonly perAccount = new RateLimiter(50, WINDOW_MS),
		/** Wrong current passwords on the account page, per user. */
		readonly perPasswordChange = new RateLimiter(5, WINDOW_MS),
		/** Wrong codes from the authenticator app (or recovery codes), per user. */
		readonly perSecondFactor = new RateLimiter(5, WINDOW_MS)
	) {}
}

export const loginLimits = new LoginLimits();

// Compared against when the e-mail address is unknown, so both cases take as long.
const DUMMY_HASH =
	'scrypt$32768$8$3$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export type PasswordCheck =
	{ outcome: 'ok'; userId: number } | { outcome: 'wrong' } | { outcome: 'limited'; waitMs: number };

/**
 * Checks a login. The attempt counts as a failure before scrypt runs and is taken back when it
 * succeeds, so 150 parallel guesses get 5 checks, not 150.
 */
export async function checkLogin(
	db: Db,
	email: string,
	password: string,
	client: string,
	limits = loginLimits
): Promise<PasswordCheck> {
	const pair = `${email}\n${client}`;
	const { wait, reservation } = reserveAttempt([
		[limits.perAccountAndClient, pair],
		[limits.perClient, client],
		[limits.perAccount, email]
	]);
	if (!reservation) return { outcome: 'limited', waitMs: wait };
	const user = users.findByEmail(db, email);
	const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
	if (!user || !user.passwordHash || !ok) return { outcome: 'wrong' };
	reservation.succeeded();
	limits.perAccountAndClient.reset(pair);
	return { outcome: 'ok', userId: user.id };
}

/** Checks the current password on the account page, limited per user in the same way. */
export async function checkCurrentPassword(
	db: Db,
	userId: number,
	password: string,
	limits = loginLimits
): Promise<PasswordCheck> {
	const key = String(userId);
	const { wait, reservation } = reserveAttempt([[limits.perPasswordChange, key]]);
	if (!reservation) return { outcome: 'limited', waitMs: wait };
	const stored = users.get(db, userId);
	if (!stored?.passwordHash || !(await verifyPassword(password, stored.passwordHash))) {
		return { outcome: 'wrong' };
	}
	reservation.succeeded();
	return { outcome: 'ok', userId };
}

export type CodeCheck =
	| { outcome: 'ok'; how: 'code' | 'herstelcode' }
	| { outcome: 'wrong' }
	| { outcome: 'limited'; waitMs: number };

/**
 * Checks the second step of a login (or a code on the account page): a six-digit code from the
 * app, or a recovery code. Five wrong codes per user per 15 minutes, and they count for the
 * address too; a million possible codes then take years to guess.
 */
export function checkSecondFactor(
	db: Db,
	userId: number,
	input: string,
	client: string,
	limits = loginLimits,
	now = Date.now()
): CodeCheck {
	const { wait, reservation } = reserveAttempt([
		[limits.perSecondFactor, String(userId)],
		[limits.perClient, client]
	]);
	if (!reservation) return { outcome: 'limited', waitMs: wait };
	const stored = twoFactor.secretOf(db, userId);
	if (!stored) return { outcome: 'wrong' };
	if (looksLikeRecoveryCode(input)) {
		if (!twoFactor.useRecoveryCode(db, userId, hashRecoveryCode(input)))
			return { outcome: 'wrong' };
		reservation.succeeded();
		return { outcome: 'ok', how: 'herstelcode' };
	}
	const counter = acceptedCounter(stored.secret, input, stored.lastCounter, now);
	if (counter === null || !twoFactor.useCounter(db, userId, counter)) return { outcome: 'wrong' };
	reservation.succeeded();
	return { outcome: 'ok', how: 'code' };
}

/** "Probeer het over 3 minuten opnieuw." */
export function tryAgainIn(waitMs: number): string {
	const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
	return `Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`;
}
