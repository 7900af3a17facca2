import { describe, expect, it } from 'vitest';
import { Secret, TOTP, URI } from 'otpauth';
import {
	acceptedCounter,
	enrolmentUri,
	hashRecoveryCode,
	isSecret,
	looksLikeRecoveryCode,
	newRecoveryCodes,
	newSecret,
	readableSecret
} from './two-factor';

/** An authenticator app, as the otpauth library computes it (independent of our wrapper). */
function app(secret: string) {
	return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
}

const NOW = Date.UTC(2026, 10, 23, 12, 0, 10);

describe('TOTP codes', () => {
	it('accepts the code an app shows now, and one step before or after', () => {
		const secret = newSecret();
		expect(isSecret(secret)).toBe(true);
		for (const offset of [-30_000, 0, 30_000]) {
			const code = app(secret).generate({ timestamp: NOW + offset });
			expect(acceptedCounter(secret, code, null, NOW)).toBe(Math.floor((NOW + offset) / 1000 / 30));
		}
	});

	it('refuses a code from two minutes ago, a wrong code and anything not six digits', () => {
		const secret = newSecret();
		expect(
			acceptedCounter(secret, app(secret).generate({ timestamp: NOW - 120_000 }), null, NOW)
		).toBeNull();
		const right = app(secret).generate({ timestamp: NOW });
		const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
		expect(acceptedCounter(secret, wrong, null, NOW)).toBeNull();
		for (const bad of ['', '12345', '1234567', 'abcdef', `${right}0`]) {
			expect(acceptedCounter(secret, bad, null, NOW)).toBeNull();
		}
	});

	it('accepts a code once: the same time step again is refused', () => {
		const secret = newSecret();
		const code = app(secret).generate({ timestamp: NOW });
		const counter = acceptedCounter(secret, code, null, NOW)!;
		expect(acceptedCounter(secret, code, counter, NOW)).toBeNull();
		expect(acceptedCounter(secret, code, counter - 1, NOW)).toBe(counter);
	});

	it('puts issuer, account and secret in the QR address as apps expect', () => {
		const secret = newSecret();
		const parsed = URI.parse(enrolmentUri(secret, 'anna@example.nl')) as TOTP;
		expect(parsed.issuer).toBe('Wijkspiegel');
		expect(parsed.label).toBe('anna@example.nl');
		expect(parsed.secret.base32).toBe(secret);
		expect(readableSecret(secret).replace(/ /g, '')).toBe(secret);
	});
});

describe('recovery codes', () => {
	it('makes ten different codes that read well and hash the same however they are typed', () => {
		const codes = newRecoveryCodes();
		expect(new Set(codes).size).toBe(10);
		for (const code of codes) {
			expect(code).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
			expect(looksLikeRecoveryCode(code)).toBe(true);
			expect(hashRecoveryCode(` ${code.toUpperCase().replace(/-/g, ' ')} `)).toBe(
				hashRecoveryCode(code)
			);
		}
		expect(looksLikeRecoveryCode('123456')).toBe(false);
	});
});
