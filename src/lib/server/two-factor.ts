import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { hashToken } from './tokens';

/** The usual authenticator-app settings (RFC 6238 defaults): every app understands them. */
const PERIOD = 30;
const DIGITS = 6;
export const RECOVERY_CODE_COUNT = 10;

function totp(secret: string, label = 'Wijkspiegel'): TOTP {
	return new TOTP({
		issuer: 'Wijkspiegel',
		label,
		algorithm: 'SHA1',
		digits: DIGITS,
		period: PERIOD,
		secret: Secret.fromBase32(secret)
	});
}

/** A new 160-bit secret in base32, as authenticator apps take it when typed. */
export function newSecret(): string {
	return new Secret({ size: 20 }).base32;
}

/** A base32 secret of the length newSecret makes; anything else posted back is refused. */
export function isSecret(value: unknown): value is string {
	return typeof value === 'string' && /^[A-Z2-7]{32}$/.test(value);
}

/** The otpauth:// address in the QR code. */
export function enrolmentUri(secret: string, email: string): string {
	return totp(secret, email).toString();
}

/** The secret in groups of four, easier to type over from the screen. */
export function readableSecret(secret: string): string {
	return secret.match(/.{1,4}/g)!.join(' ');
}

/**
 * The time step of a correct code, or null. One step either side is allowed for a phone whose
 * clock is a little off; a step at or before `lastCounter` was used already and is refused, so a
 * code seen over someone's shoulder cannot be used again.
 */
export function acceptedCounter(
	secret: string,
	code: string,
	lastCounter: number | null,
	timestamp = Date.now()
): number | null {
	const token = code.replace(/\s/g, '');
	if (!/^\d{6}$/.test(token)) return null;
	const generator = totp(secret);
	const delta = generator.validate({ token, timestamp, window: 1 });
	if (delta === null) return null;
	const counter = generator.counter({ timestamp }) + delta;
	return lastCounter !== null && counter <= lastCounter ? null : counter;
}

// No 0/o, 1/l/i: a code read from paper should not be mistyped.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten recovery codes like "k7m2-x9pq-4tde" (about 60 bits each), shown once. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
	return Array.from({ length: count }, () =>
		Array.from({ length: 3 }, () =>
			Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
		).join('-')
	);
}

/** A recovery code as typed (any case, spaces or dashes) in the form its hash is made of. */
export function normaliseRecoveryCode(input: string): string {
	return input.toLowerCase().replace(/[\s-]/g, '');
}

export function hashRecoveryCode(input: string): string {
	return hashToken(`herstelcode:${normaliseRecoveryCode(input)}`);
}

/** Whether typed input looks like a recovery code rather than a six-digit code. */
export function looksLikeRecoveryCode(input: string): boolean {
	return normaliseRecoveryCode(input).length === 12;
}
