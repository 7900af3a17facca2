import { expect, request, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BEHEERDER, ensureFixture, FACILITATOR_A } from './accounts';
import { freePort, startServer, waitForHealth } from './server-process';
import { login } from './support';

// Issue 10: the outside probe's weaknesses W2, W7, W9 and W14, against the production build.
const BASE = `http://localhost:${process.env.E2E_PORT ?? 4173}`;

/** Every CSP violation Chromium reports on the page, from the console and from the DOM event. */
function collectViolations(page: Page): string[] {
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
	});
	return violations;
}

test('the CSP allows no inline styles and the pages need none (W14)', async ({ page }) => {
	const fixture = ensureFixture();
	const violations = collectViolations(page);
	const home = await page.goto('/');
	const csp = home!.headers()['content-security-policy'];
	expect(csp).toMatch(/style-src 'self'(;|$)/);
	expect(csp).not.toContain('unsafe-inline');
	// Only SvelteKit's announcer has a style attribute, allowed by its hash.
	expect(csp).toMatch(/style-src-attr 'unsafe-hashes' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);

	await login(page, FACILITATOR_A);
	// Hydrated first, so the click below navigates client-side (a busy machine may lag).
	await page.waitForLoadState('networkidle');
	// Client-side navigation: SvelteKit's announcer appears; it must stay visually hidden.
	await page.getByRole('link', { name: 'Voorbeeldstad' }).first().click();
	await expect(page).toHaveURL(/\/beheer\/gemeenten\/\d+/);
	const announcer = page.locator('#svelte-announcer');
	await expect(announcer).toHaveCount(1);
	expect(await announcer.evaluate((e) => getComputedStyle(e).position)).toBe('absolute');
	expect((await announcer.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);

	// The radar chart (chart.js) and the shaded comparison grid.
	await page.goto(`/beheer/sessies/${fixture.closedSessionA}/resultaten`);
	await expect(page.locator('canvas').first()).toBeVisible();
	await page.goto('/beheer/vergelijken');
	await page.getByRole('link', { name: 'Eén team over de meetrondes' }).click();
	await page.locator('#team').selectOption({ label: 'Wijkteam Noord' });
	await page.getByRole('button', { name: 'Vergelijken' }).click();
	// The shade of a comparison cell comes from a class now, not a style attribute.
	const shaded = page.locator('td[class*="shade-"]').first();
	await expect(shaded).toBeVisible();
	expect(await shaded.evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe(
		'rgba(0, 0, 0, 0)'
	);
	expect(violations).toEqual([]);
});

test('static files under /_app get nosniff and the other static headers (W14)', async ({
	request
}) => {
	const html = await (await request.get('/join')).text();
	const asset = html.match(/\/_app\/immutable\/[^"']+\.(?:js|css)/)?.[0];
	expect(asset, 'a built file referenced by the page').toBeTruthy();
	for (const path of [asset!, '/favicon.svg']) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(200);
		const headers = response.headers();
		expect(headers['x-content-type-options'], path).toBe('nosniff');
		expect(headers['referrer-policy'], path).toBe('same-origin');
		expect(headers['cross-origin-resource-policy'], path).toBe('same-origin');
	}
});

test('no page, export or questionnaire is kept in a cache or the Back history (W7)', async () => {
	const fixture = ensureFixture();
	const headers = { 'x-e2e-client': 'e2e-no-store', origin: BASE, accept: 'text/html' };
	const beheer = await request.newContext({ baseURL: BASE, extraHTTPHeaders: headers });
	expect((await beheer.post('/inloggen', { form: BEHEERDER, maxRedirects: 0 })).status()).toBe(303);
	for (const path of [
		'/beheer',
		`/beheer/sessies/${fixture.closedSessionA}/resultaten`,
		`/beheer/sessies/${fixture.closedSessionA}/resultaten/__data.json`,
		`/beheer/sessies/${fixture.closedSessionA}/csv`,
		`/beheer/sessies/${fixture.closedSessionA}/xlsx`,
		`/beheer/vergelijken/csv?bron=gemeente-${fixture.gemeenteA}&soort=teams`
	]) {
		const response = await beheer.get(path);
		expect(response.status(), path).toBe(200);
		expect(response.headers()['cache-control'], path).toBe('no-store');
	}
	await beheer.dispose();

	const respondent = await request.newContext({ baseURL: BASE, extraHTTPHeaders: headers });
	const start = await respondent.post('/s/DEMO26?/start', { form: {}, maxRedirects: 0 });
	expect(start.headers()['cache-control']).toBe('no-store');
	const cookie = start.headersArray().find((h) => /^wijkspiegel_deelnemer=/.test(h.value))!.value;
	const maxAge = Number(/Max-Age=(\d+)/i.exec(cookie)?.[1]);
	expect(maxAge).toBeGreaterThan(0);
	expect(maxAge).toBeLessThanOrEqual(24 * 60 * 60);
	for (const path of ['/join', '/s/DEMO26', '/s/DEMO26/1', '/s/DEMO26/controleren']) {
		const response = await respondent.get(path);
		expect(response.status(), path).toBe(200);
		expect(response.headers()['cache-control'], path).toBe('no-store');
	}
	await respondent.dispose();
});

test('after logging in, naar= never leads to another site (W2)', async () => {
	const context = await request.newContext({
		baseURL: BASE,
		extraHTTPHeaders: { 'x-e2e-client': 'e2e-open-redirect', origin: BASE, accept: 'text/html' }
	});
	expect((await context.post('/inloggen', { form: BEHEERDER, maxRedirects: 0 })).status()).toBe(
		303
	);
	for (const naar of ['/%5C127.0.0.1:4899/x', '//127.0.0.1:4899/x', '/%09/127.0.0.1:4899']) {
		const response = await context.get(`/inloggen?naar=${naar}`, { maxRedirects: 0 });
		expect(response.status(), naar).toBe(303);
		expect(response.headers()['location'], naar).toBe('/beheer');
	}
	await context.dispose();
});

test('a forged X-Forwarded-For from outside the trusted proxies is refused and escapes no limit (W9)', async () => {
	test.setTimeout(60_000);
	const dir = mkdtempSync(join(tmpdir(), 'wijkspiegel-proxy-'));
	// 5100-5199: crash.e2e.ts and shutdown.e2e.ts draw from 4000-4989.
	const port = await freePort(5100, 100);
	// The proxy is 192.0.2.1 (a documentation address, never contacted); the test connects from
	// loopback, as an attacker reaching the port directly would.
	const server = startServer(port, join(dir, 'proxy.db'), {
		ADDRESS_HEADER: 'x-forwarded-for',
		TRUSTED_PROXIES: '192.0.2.1'
	});
	try {
		await waitForHealth(port, server);
		const statuses: number[] = [];
		for (let i = 0; i < 7; i++) {
			const forged = i % 2 === 0;
			const response = await fetch(`http://127.0.0.1:${port}/inloggen`, {
				method: 'POST',
				headers: {
					origin: `http://localhost:${port}`,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded',
					...(forged ? { 'x-forwarded-for': `203.0.113.${i}` } : {})
				},
				body: 'email=beheer%40wijkspiegel.local&password=geraden-wachtwoord'
			});
			const body = await response.text();
			if (forged) expect(body).toContain('komt niet via de proxy');
			statuses.push(response.status);
		}
		// Forged requests are refused before anything else; the honest ones are counted as usual
		// (five tries for one account from one address), whatever the forged ones claimed.
		expect(statuses).toEqual([400, 400, 400, 400, 400, 400, 400]);
		const more: number[] = [];
		for (let i = 0; i < 3; i++) {
			const honest = await fetch(`http://127.0.0.1:${port}/inloggen`, {
				method: 'POST',
				headers: {
					origin: `http://localhost:${port}`,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: 'email=beheer%40wijkspiegel.local&password=geraden-wachtwoord'
			});
			more.push(honest.status);
		}
		// Three honest tries in the loop and two here make five; the sixth waits.
		expect(more).toEqual([400, 400, 429]);
		expect(server.stdout.join('')).toContain('proxy header from an untrusted connection refused');
	} finally {
		server.process.kill('SIGTERM');
		await server.closed;
		rmSync(dir, { recursive: true, force: true });
	}
});
