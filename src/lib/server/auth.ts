import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt with N=2^15, r=8 (64 MiB per hash): OWASP's minimum is N=2^17 with r=8,p=1 or an
// equivalent; N=2^15,r=8,p=3 is in that list of equivalents.
const PARAMS: ScryptOptions = { N: 2 ** 15, r: 8, p: 3, maxmem: 128 * 1024 * 1024 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, params: ScryptOptions): Promise<Buffer> {
	return new Promise((resolve, reject) =>
		scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, params, (error, key) =>
			error ? reject(error) : resolve(key)
		)
	);
}

/** A self-describing hash: scrypt$N$r$p$salt$key, so parameters can be raised later. */
export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await derive(password, salt, PARAMS);
	return [
		'scrypt',
		PARAMS.N,
		PARAMS.r,
		PARAMS.p,
		salt.toString('base64'),
		key.toString('base64')
	].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const [scheme, N, r, p, salt, key] = stored.split('$');
	if (scheme !== 'scrypt' || !key) return false;
	const expected = Buffer.from(key, 'base64');
	const actual = await derive(password, Buffer.from(salt, 'base64'), {
		N: Number(N),
		r: Number(r),
		p: Number(p),
		maxmem: PARAMS.maxmem
	});
	return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A readable generated password for the first beheerder, printed once at start-up. */
export function generatePassword(): string {
	return randomBytes(15).toString('base64url');
}

export const SESSION_COOKIE = 'wijkspiegel_sessie';
export const SESSION_HOURS = 8;
export const INVITATION_DAYS = 7;
export const PASSWORD_MIN = 12;
