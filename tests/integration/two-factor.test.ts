import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import { hashPassword } from '$lib/server/auth';
import * as twoFactor from '$lib/server/db/two-factor';
import * as users from '$lib/server/db/users';
import { checkSecondFactor, LoginLimits } from '$lib/server/login-attempts';
import { hashRecoveryCode, newRecoveryCodes, newSecret } from '$lib/server/two-factor';
import { tempDatabase } from './helpers';

const app = (secret: string) =>
	new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });

describe('two-factor sign-in against a real database', () => {
	let temp: ReturnType<typeof tempDatabase>;
	let userId: number;
	const secret = newSecret();
	const codes = newRecoveryCodes();
	const start = Date.UTC(2026, 10, 23, 9, 0, 0);

	beforeAll(async () => {
		temp = tempDatabase();
		userId = users.create(temp.db, {
			email: 'beheer@example.nl',
			name: 'Beheer',
			role: 'beheerder',
			passwordHash: await hashPassword('een-goed-beheer-wachtwoord')
		});
		twoFactor.enable(temp.db, userId, secret, 0, codes.map(hashRecoveryCode));
	});
	afterAll(() => temp.cleanup());

	it('accepts the code the app shows, once', () => {
		const limits = new LoginLimits();
		const code = app(secret).generate({ timestamp: start });
		expect(checkSecondFactor(temp.db, userId, code, '192.0.2.1', limits, start)).toEqual({
			outcome: 'ok',
			how: 'code'
		});
		// Seen over a shoulder and typed again within the same 30 seconds: refused.
		expect(checkSecondFactor(temp.db, userId, code, '192.0.2.2', limits, start).outcome).toBe(
			'wrong'
		);
		const next = app(secret).generate({ timestamp: start + 30_000 });
		expect(checkSecondFactor(temp.db, userId, next, '192.0.2.1', limits, start + 30_000)).toEqual({
			outcome: 'ok',
			how: 'code'
		});
	});

	it('accepts each recovery code once, however it is typed, and counts what is left', () => {
		const limits = new LoginLimits();
		expect(twoFactor.unusedRecoveryCodes(temp.db, userId)).toBe(10);
		const typed = codes[3].toUpperCase().replace(/-/g, ' ');
		expect(checkSecondFactor(temp.db, userId, typed, '192.0.2.1', limits).outcome).toBe('ok');
		expect(checkSecondFactor(temp.db, userId, codes[3], '192.0.2.1', limits).outcome).toBe('wrong');
		expect(twoFactor.unusedRecoveryCodes(temp.db, userId)).toBe(9);
	});

	it('stops after five wrong codes per account, also for the right code', () => {
		const limits = new LoginLimits();
		const later = start + 10 * 60_000;
		for (let i = 0; i < 5; i++) {
			expect(
				checkSecondFactor(temp.db, userId, '000000', `198.51.100.${i}`, limits, later).outcome
			).toBe('wrong');
		}
		const right = app(secret).generate({ timestamp: later });
		expect(checkSecondFactor(temp.db, userId, right, '192.0.2.9', limits, later).outcome).toBe(
			'limited'
		);
	});

	it('resets two-factor sign-in when a new invitation is accepted (lost phone and codes)', async () => {
		const other = users.create(temp.db, {
			email: 'kwijt@example.nl',
			name: 'Kwijt',
			role: 'facilitator',
			passwordHash: null
		});
		twoFactor.enable(temp.db, other, newSecret(), 0, newRecoveryCodes().map(hashRecoveryCode));
		users.createInvitation(temp.db, other, 'hash-van-de-link', new Date(Date.now() + 60_000));
		const invitation = users.findInvitation(temp.db, 'hash-van-de-link')!;
		expect(
			users.acceptInvitation(temp.db, invitation.id, other, await hashPassword('nieuw-wachtwoord'))
		).toBe(true);
		expect(twoFactor.secretOf(temp.db, other)).toBeUndefined();
		expect(twoFactor.unusedRecoveryCodes(temp.db, other)).toBe(0);
	});

	it('forgets the secret and recovery codes when it is turned off', () => {
		twoFactor.disable(temp.db, userId);
		expect(twoFactor.secretOf(temp.db, userId)).toBeUndefined();
		expect(twoFactor.unusedRecoveryCodes(temp.db, userId)).toBe(0);
		expect(
			checkSecondFactor(temp.db, userId, codes[0], '192.0.2.1', new LoginLimits()).outcome
		).toBe('wrong');
	});
});

describe('organisation sign-in against a real database', () => {
	let temp: ReturnType<typeof tempDatabase>;
	beforeAll(() => (temp = tempDatabase()));
	afterAll(() => temp.cleanup());

	it('links an invited account once and makes a mapped account with an audit line each', () => {
		const invited = users.create(temp.db, {
			email: 'anna@example.nl',
			name: 'Anna',
			role: 'facilitator',
			passwordHash: null
		});
		expect(
			users.applyOrganisationSignIn(temp.db, { kind: 'link', userId: invited, subject: 'idp#a' })
		).toBe(invited);
		expect(users.findBySubject(temp.db, 'idp#a')?.id).toBe(invited);
		const made = users.applyOrganisationSignIn(temp.db, {
			kind: 'create',
			subject: 'idp#b',
			email: 'bert@example.nl',
			name: 'Bert',
			role: 'gemeente-viewer'
		});
		expect(users.get(temp.db, made)).toMatchObject({ role: 'gemeente-viewer', passwordHash: null });
		const rows = temp.db.$client.prepare('SELECT action, subject FROM audit_log ORDER BY id').all();
		expect(rows).toEqual([
			{ action: 'organisatie-account gekoppeld', subject: 'anna@example.nl' },
			{
				action: 'account gemaakt via organisatie-groep',
				subject: 'bert@example.nl (gemeente-viewer)'
			}
		]);
		// The same organisation account cannot be linked to a second Wijkspiegel account.
		const other = users.create(temp.db, {
			email: 'c@example.nl',
			name: 'C',
			role: 'facilitator',
			passwordHash: null
		});
		expect(() =>
			users.applyOrganisationSignIn(temp.db, { kind: 'link', userId: other, subject: 'idp#a' })
		).toThrow(/UNIQUE/);
	});
});
