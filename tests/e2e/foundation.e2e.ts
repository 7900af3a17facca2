import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, readDatabase } from './support';

test('the start page explains the tool and passes axe', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveTitle(/Wijkspiegel/);
	await expect(page.getByRole('heading', { level: 1, name: 'Wijkspiegel' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Code invullen' })).toHaveAttribute('href', '/join');
	await expectNoAxeViolations(page);
});

test('an unknown page says so in Dutch and passes axe', async ({ page }) => {
	const response = await page.goto('/bestaat-niet');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
	await expectNoAxeViolations(page);
});

test('/healthz answers 200 with JSON while the database is reachable', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(await response.json()).toMatchObject({ status: 'ok' });
});

test('the server starts with the demo data of Voorbeeldstad', () => {
	// Other tests add teams of their own; the demo's three are there from the start.
	const teams = readDatabase((db) =>
		db
			.prepare(
				"SELECT t.name FROM teams t JOIN gemeenten g ON g.id = t.gemeente_id WHERE g.name = 'Voorbeeldstad' ORDER BY t.id LIMIT 3"
			)
			.pluck()
			.all()
	);
	expect(teams).toEqual(['Wijkteam Noord', 'Jeugd- en gezinsteam Centrum', 'Buurtteam Zuid']);
});

test('responses carry security headers and a content security policy', async ({ request }) => {
	const response = await request.get('/');
	const headers = response.headers();
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('same-origin');
	expect(headers['permissions-policy']).toContain('geolocation=()');
	// Served over plain http here: no HSTS (the https case is a unit test).
	expect(headers['strict-transport-security']).toBeUndefined();
	const policy = new Map(
		headers['content-security-policy']
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((d) => d[0])
			.map(([name, ...values]) => [name, values])
	);
	expect(policy.get('default-src')).toEqual(["'self'"]);
	expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
	expect(policy.get('object-src')).toEqual(["'none'"]);
	expect(policy.get('base-uri')).toEqual(["'self'"]);
	expect(policy.get('form-action')).toEqual(["'self'"]);
	// Scripts: our own files and the hash of SvelteKit's start-up script, never inline or eval.
	const scripts = policy.get('script-src')!;
	expect(scripts).toContain("'self'");
	expect(scripts.every((s) => s === "'self'" || /^'(sha256|nonce)-/.test(s))).toBe(true);
	// No third-party origin anywhere.
	expect(headers['content-security-policy']).not.toMatch(/https?:/);
});
