import { expect, test } from '@playwright/test';
import { BEHEERDER, ensureFixture, FACILITATOR_A } from './accounts';
import { expectNoAxeViolations, login, writeDatabase } from './support';

test('a beheerder exports all data of a gemeente as JSON and CSV, without single responses, and it is logged', async ({
	page
}) => {
	const fixture = ensureFixture();
	await login(page, BEHEERDER);
	const json = await page.request.get(`/beheer/export?gemeente=${fixture.gemeenteA}&formaat=json`);
	expect(json.status()).toBe(200);
	const data = await json.json();
	expect(data.gemeente.name).toBe('Voorbeeldstad');
	const noord = data.teams.find((t: { name: string }) => t.name === 'Wijkteam Noord');
	const closed = noord.sessions.find((s: { status: string }) => s.status === 'closed');
	expect(closed.results.dimensions.length).toBeGreaterThan(0);
	expect(JSON.stringify(data)).not.toMatch(/token|resume|opmerking|comment/i);

	const csv = await page.request.get(`/beheer/export?gemeente=${fixture.gemeenteA}&formaat=csv`);
	const text = await csv.text();
	expect(text.charCodeAt(0)).toBe(0xfeff);
	expect(text).toContain('team;meetronde;vragenlijst;versie;niveau;id;tekst;n;gemiddelde');

	await page.goto('/beheer/logboek');
	await expect(page.getByRole('cell', { name: 'export csv' }).first()).toBeVisible();
	await expectNoAxeViolations(page);
});

test('deleting a team asks for its exact name and leaves a line in the logbook', async ({
	page
}) => {
	const fixture = ensureFixture();
	const name = `Team weg ${Date.now()}`;
	writeDatabase((db) =>
		db
			.prepare("INSERT INTO teams (gemeente_id, name, tasks, created_at) VALUES (?, ?, '[]', ?)")
			.run(fixture.gemeenteA, name, Date.now())
	);
	await login(page, FACILITATOR_A);
	await page.goto(`/beheer/gemeenten/${fixture.gemeenteA}`);
	await page.getByRole('link', { name }).click();
	await page.getByText(`Verwijderen: team ${name}`).click();
	await page.getByLabel(`Typ ${name} om te bevestigen`).fill('verkeerde naam');
	await page.getByRole('button', { name: 'Definitief verwijderen' }).click();
	await expect(page.getByText(`Typ precies "${name}" om te bevestigen.`)).toBeVisible();
	await page.getByLabel(`Typ ${name} om te bevestigen`).fill(name);
	await page.getByRole('button', { name: 'Definitief verwijderen' }).click();
	await expect(page).toHaveURL(`/beheer/gemeenten/${fixture.gemeenteA}`);
	await expect(page.getByRole('link', { name })).toHaveCount(0);

	await page.getByRole('button', { name: 'Uitloggen' }).click();
	await expect(page).toHaveURL(/inloggen/);
	await login(page, BEHEERDER);
	await page.goto('/beheer/logboek');
	await expect(
		page.getByRole('row', { name: new RegExp(`begeleider-a@example.nl.*verwijderd.*${name}`) })
	).toBeVisible();
});

test('only a beheerder may export or read the logbook', async ({ page }) => {
	const fixture = ensureFixture();
	await login(page, FACILITATOR_A);
	expect((await page.request.get(`/beheer/export?gemeente=${fixture.gemeenteA}`)).status()).toBe(
		403
	);
	expect((await page.goto('/beheer/logboek'))?.status()).toBe(403);
});
