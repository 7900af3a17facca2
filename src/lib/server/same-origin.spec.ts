import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { isCrossSite, REFUSED_MESSAGE, sameOrigin } from './same-origin';
import { ownOrigin } from './origin';

const FORM = 'application/x-www-form-urlencoded';

function post(origin: string | null, type = FORM, method = 'POST'): Request {
	const headers = new Headers({ 'content-type': type });
	if (origin !== null) headers.set('origin', origin);
	return new Request('http://192.168.1.23:3000/join', { method, headers, body: 'code=X' });
}

describe('ownOrigin', () => {
	// adapter-node without ORIGIN builds the URL with https, whatever the connection was.
	const guessed = new URL('https://192.168.1.23:3000/join');

	it('takes the protocol of the connection when the adapter guessed it', () => {
		expect(ownOrigin(guessed, false, false)).toBe('http://192.168.1.23:3000');
		expect(ownOrigin(guessed, false, true)).toBe('https://192.168.1.23:3000');
	});

	it('trusts the URL when ORIGIN or PROTOCOL_HEADER told the adapter, and in vite dev', () => {
		expect(ownOrigin(guessed, true, false)).toBe('https://192.168.1.23:3000');
		expect(ownOrigin(new URL('http://localhost:5173/'), false, undefined)).toBe(
			'http://localhost:5173'
		);
	});
});

describe('isCrossSite', () => {
	const own = 'http://192.168.1.23:3000';

	it('accepts a form from the address the request was sent to', () => {
		expect(isCrossSite(post(own), own)).toBe(false);
		expect(isCrossSite(post(own, 'multipart/form-data; boundary=x'), own)).toBe(false);
	});

	it('refuses a form from another site, another address or another protocol', () => {
		for (const origin of [
			'https://evil.example',
			'http://localhost:3000',
			'https://192.168.1.23:3000',
			'http://192.168.1.23:3001',
			'null'
		]) {
			expect(isCrossSite(post(origin), own), origin).toBe(true);
		}
	});

	it('refuses a form post without Origin, as SvelteKit does', () => {
		expect(isCrossSite(post(null), own)).toBe(true);
		expect(isCrossSite(post(null, 'text/plain', 'DELETE'), own)).toBe(true);
	});

	it('refuses any unsafe method with a foreign Origin, and lets reads through', () => {
		expect(isCrossSite(post('https://evil.example', 'application/json', 'PUT'), own)).toBe(true);
		expect(
			isCrossSite(new Request(`${own}/join`, { headers: { origin: 'https://evil.example' } }), own)
		).toBe(false);
	});
});

describe('sameOrigin hook', () => {
	async function respond(request: Request) {
		let resolved = false;
		const response = await sameOrigin({
			event: {
				request,
				locals: { origin: 'http://192.168.1.23:3000' },
				route: { id: '/join' }
			} as RequestEvent,
			resolve: async () => {
				resolved = true;
				return new Response('ok');
			}
		});
		return { response, resolved };
	}

	it('answers a refused form with a Dutch page and never runs the action', async () => {
		const { response, resolved } = await respond(post('https://evil.example'));
		expect(resolved).toBe(false);
		expect(response.status).toBe(403);
		const html = await response.text();
		expect(html).toContain('<html lang="nl">');
		expect(html).toContain(REFUSED_MESSAGE);
	});

	it('answers enhance with an error result, so the app shows its own Dutch error page', async () => {
		const request = post('https://evil.example');
		request.headers.set('x-sveltekit-action', 'true');
		request.headers.set('accept', 'application/json');
		const { response } = await respond(request);
		expect(response.status).toBe(403);
		expect(await response.json()).toEqual({ type: 'error', error: { message: REFUSED_MESSAGE } });
	});

	it('lets a same-origin form through', async () => {
		const { response, resolved } = await respond(post('http://192.168.1.23:3000'));
		expect(resolved).toBe(true);
		expect(await response.text()).toBe('ok');
	});
});
