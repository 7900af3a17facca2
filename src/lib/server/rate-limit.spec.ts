import { describe, expect, it } from 'vitest';
import { RateLimiter, reserveAttempt } from './rate-limit';

describe('RateLimiter', () => {
	it('lets a key try until it has failed the maximum number of times', () => {
		let now = 0;
		const limiter = new RateLimiter(3, 60_000, () => now);
		for (let i = 0; i < 3; i++) {
			expect(limiter.retryAfter('a')).toBe(0);
			limiter.fail('a');
			now += 1000;
		}
		expect(limiter.retryAfter('a')).toBe(57_000);
		expect(limiter.retryAfter('b')).toBe(0);
	});

	it('forgets failures once they leave the window', () => {
		let now = 0;
		const limiter = new RateLimiter(2, 10_000, () => now);
		limiter.fail('a');
		limiter.fail('a');
		expect(limiter.retryAfter('a')).toBeGreaterThan(0);
		now = 10_001;
		expect(limiter.retryAfter('a')).toBe(0);
	});

	it('starts afresh after a reset', () => {
		const limiter = new RateLimiter(1, 10_000);
		limiter.fail('a');
		limiter.reset('a');
		expect(limiter.retryAfter('a')).toBe(0);
	});

	it('counts the same detail once per window, so one shared typo does not lock a room out', () => {
		const limiter = new RateLimiter(3, 60_000, () => 0);
		for (let i = 0; i < 20; i++) limiter.fail('kantoor', 'ABC123');
		expect(limiter.retryAfter('kantoor')).toBe(0);
		limiter.fail('kantoor', 'ABC124');
		limiter.fail('kantoor', 'ABC125');
		expect(limiter.retryAfter('kantoor')).toBeGreaterThan(0);
	});

	it('counts a reserved attempt at once, and takes it back when it succeeds', () => {
		const perAccount = new RateLimiter(2, 60_000);
		const perClient = new RateLimiter(10, 60_000);
		const keys = [
			[perAccount, 'a'],
			[perClient, 'c']
		] as const;
		const first = reserveAttempt(keys);
		const second = reserveAttempt(keys);
		// Both still running their slow check: a third is refused already.
		expect(reserveAttempt(keys).reservation).toBeUndefined();
		expect(first.reservation && second.reservation).toBeTruthy();
		first.reservation!.succeeded();
		expect(perAccount.retryAfter('a')).toBe(0);
		expect(reserveAttempt(keys).reservation).toBeDefined();
	});
});
