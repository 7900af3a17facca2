import { describe, expect, it } from 'vitest';
import { bearerMatches, metricsToken } from './metrics';

describe('the metrics token', () => {
	const token = 'een-lang-willekeurig-token-123';

	it('turns metrics on only when METRICS_TOKEN is set, and refuses a short one', () => {
		expect(metricsToken({})).toBeNull();
		expect(metricsToken({ METRICS_TOKEN: '  ' })).toBeNull();
		expect(metricsToken({ METRICS_TOKEN: token })).toBe(token);
		expect(() => metricsToken({ METRICS_TOKEN: 'kort' })).toThrow(/METRICS_TOKEN/);
	});

	it('accepts exactly "Bearer <token>"', () => {
		expect(bearerMatches(`Bearer ${token}`, token)).toBe(true);
		expect(bearerMatches(`bearer ${token}`, token)).toBe(true);
	});

	it('refuses a missing header, another scheme, a prefix, a longer token and an empty one', () => {
		for (const header of [
			null,
			'',
			'Bearer',
			'Bearer ',
			`Basic ${token}`,
			`Bearer ${token.slice(0, -1)}`,
			`Bearer ${token}x`,
			`Bearer ${token} extra`
		]) {
			expect(bearerMatches(header, token)).toBe(false);
		}
	});
});
