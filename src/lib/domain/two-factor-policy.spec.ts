import { describe, expect, it } from 'vitest';
import { mayDisableTotp, mustEnrolTotp } from './two-factor-policy';

const beheerder = { user: { role: 'beheerder' }, method: 'wachtwoord' as const, hasTotp: false };

describe('two-factor policy', () => {
	it('leads a beheerder with only a password to set up a code when the setting requires it', () => {
		expect(mustEnrolTotp(beheerder, true)).toBe(true);
		expect(mustEnrolTotp(beheerder, false)).toBe(false);
		expect(mustEnrolTotp({ ...beheerder, hasTotp: true }, true)).toBe(false);
	});

	it('leaves facilitators and organisation sign-ins alone', () => {
		expect(mustEnrolTotp({ ...beheerder, user: { role: 'facilitator' } }, true)).toBe(false);
		expect(mustEnrolTotp({ ...beheerder, method: 'organisatie' }, true)).toBe(false);
	});

	it('lets only non-beheerders turn it off while it is required', () => {
		expect(mayDisableTotp('beheerder', true)).toBe(false);
		expect(mayDisableTotp('beheerder', false)).toBe(true);
		expect(mayDisableTotp('facilitator', true)).toBe(true);
	});
});
