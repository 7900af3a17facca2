import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { securityHeaders, withFormActionOrigins } from './security-headers';

async function headersFor(url: string) {
	const response = await securityHeaders({
		event: { url: new URL(url), locals: { origin: new URL(url).origin } } as RequestEvent,
		resolve: async () => new Response('ok')
	});
	return response.headers;
}

describe('security headers', () => {
	it('sets HSTS only when served over https, and the other headers always', async () => {
		const secure = await headersFor('https://wijkspiegel.example.nl/');
		expect(secure.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
		const plain = await headersFor('http://localhost:3000/');
		expect(plain.get('strict-transport-security')).toBeNull();
		for (const headers of [secure, plain]) {
			expect(headers.get('x-content-type-options')).toBe('nosniff');
			expect(headers.get('referrer-policy')).toBe('same-origin');
			expect(headers.get('permissions-policy')).toContain('camera=()');
		}
	});

	it('lets no cache or Back button keep a page (issue 10, W7)', async () => {
		const response = await securityHeaders({
			event: {
				url: new URL('http://localhost:3000/beheer/sessies/1/resultaten'),
				locals: { origin: 'http://localhost:3000' }
			} as RequestEvent,
			resolve: async () =>
				new Response('ok', { headers: { 'cache-control': 'private, max-age=3600' } })
		});
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect((await headersFor('http://localhost:3000/s/DEMO26/1')).get('cache-control')).toBe(
			'no-store'
		);
	});
});

describe('withFormActionOrigins', () => {
	it("adds the provider's origins to form-action and leaves the other directives alone", () => {
		const csp = "default-src 'self'; form-action 'self'; frame-ancestors 'none'";
		expect(withFormActionOrigins(csp, ['https://login.example', 'https://sso.example'])).toBe(
			"default-src 'self'; form-action 'self' https://login.example https://sso.example; frame-ancestors 'none'"
		);
		expect(withFormActionOrigins(csp, [])).toBe(csp);
	});
});
