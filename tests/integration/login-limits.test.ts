import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '$lib/server/auth';
import * as users from '$lib/server/db/users';
import { checkCurrentPassword, checkLogin, LoginLimits } from '$lib/server/login-attempts';
import { RateLimiter } from '$lib/server/rate-limit';
import { tempDatabase } from './helpers';

const EMAIL = 'beheer@example.nl';
const PASSWORD = 'een-goed-beheer-wachtwoord';

describe('login limits (issue 10, W3 and W8)', () => {
	let temp: ReturnType<typeof tempDatabase>;
	let userId: number;
	beforeAll(async () => {
		temp = tempDatabase();
		userId = users.create(temp.db, {
			email: EMAIL,
			name: 'Beheer',
			role: 'beheerder',
			passwordHash: await hashPassword(PASSWORD)
		});
	});
	afterAll(() => temp.cleanup());

	it('checks only 5 of 150 parallel wrong passwords for one account from one address', async () => {
		const limits = new LoginLimits();
		const results = await Promise.all(
			Array.from({ length: 150 }, (_, i) =>
				checkLogin(temp.db, EMAIL, `fout-${i}`, '198.51.100.7', limits)
			)
		);
		const outcomes = results.map((r) => r.outcome);
		expect(outcomes.filter((o) => o === 'wrong')).toHaveLength(5);
		expect(outcomes.filter((o) => o === 'limited')).toHaveLength(145);
		// The right password from that address waits too: the guesses used up its tries.
		expect((await checkLogin(temp.db, EMAIL, PASSWORD, '198.51.100.7', limits)).outcome).toBe(
			'limited'
		);
	});

	it('does not let strangers at other addresses lock the beheerder out', async () => {
		const limits = new LoginLimits();
		// The probe's W8: five wrong passwords from five addresses; here twice as many.
		for (let i = 0; i < 10; i++) {
			expect((await checkLogin(temp.db, EMAIL, 'geraden', `203.0.113.${i}`, limits)).outcome).toBe(
				'wrong'
			);
		}
		expect((await checkLogin(temp.db, EMAIL, PASSWORD, '192.0.2.10', limits)).outcome).toBe('ok');
	});

	it('a successful login takes its reserved attempt back', async () => {
		const limits = new LoginLimits();
		for (let i = 0; i < 10; i++) {
			expect((await checkLogin(temp.db, EMAIL, PASSWORD, '192.0.2.11', limits)).outcome).toBe('ok');
		}
		expect(limits.perClient.retryAfter('192.0.2.11')).toBe(0);
	});

	it('still slows down guessing one account from many addresses', async () => {
		const defaults = new LoginLimits();
		expect(defaults.perAccount.maxFailures).toBeGreaterThanOrEqual(
			10 * defaults.perAccountAndClient.maxFailures
		);
		// The same rule with a smaller account-wide limit, so the test runs fewer scrypt checks.
		const limits = new LoginLimits(undefined, undefined, new RateLimiter(8, 60_000));
		const results = await Promise.all(
			Array.from({ length: 12 }, (_, i) =>
				checkLogin(temp.db, 'onbekend@example.nl', 'geraden', `203.0.113.${i}`, limits)
			)
		);
		expect(results.filter((r) => r.outcome === 'limited')).toHaveLength(4);
	});

	it('limits wrong current passwords on the account page (W12)', async () => {
		const limits = new LoginLimits();
		const results = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				checkCurrentPassword(temp.db, userId, `fout-${i}`, limits)
			)
		);
		expect(results.filter((r) => r.outcome === 'wrong')).toHaveLength(5);
		expect((await checkCurrentPassword(temp.db, userId, PASSWORD, limits)).outcome).toBe('limited');
	});
});
