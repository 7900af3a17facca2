import { createHash, randomBytes, randomInt } from 'node:crypto';
import { randomCode } from '$lib/domain/codes';

/** 256 bits from the OS: unguessable, safe to put in a cookie. */
export function randomToken(): string {
	return randomBytes(32).toString('base64url');
}

/** Only hashes of secrets are stored: a copy of the database lets nobody act as a respondent. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export function secureRandomCode(length: number): string {
	return randomCode(length, (n) => randomInt(n));
}
