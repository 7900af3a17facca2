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
	const teams = readDatabase((db) =>
		db.prepare('SELECT name FROM teams ORDER BY name').pluck().all()
	);
	expect(teams).toEqual(['Buurtteam Zuid', 'Jeugd- en gezinsteam Centrum', 'Wijkteam Noord']);
});

test('responses carry security headers and a content security policy', async ({ request }) => {
	const response = await request.get('/');
	const headers = response.headers();
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
});
