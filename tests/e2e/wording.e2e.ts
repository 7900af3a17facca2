import { expect, test } from '@playwright/test';
import { BEHEERDER, ensureFixture, FACILITATOR_A, VIEWER_A } from './accounts';
import { login, readDatabase } from './support';

test('the overview counts the teams of each gemeente', async ({ page }) => {
	ensureFixture();
	await login(page, BEHEERDER);
	const item = page.getByRole('listitem').filter({ hasText: 'Voorbeeldstad' });
	const teams = readDatabase(
		(db) =>
			db
				.prepare(
					"SELECT count(*) FROM teams t JOIN gemeenten g ON g.id = t.gemeente_id WHERE g.name = 'Voorbeeldstad'"
				)
				.pluck()
				.get() as number
	);
	expect(teams).toBeGreaterThanOrEqual(3);
	await expect(item).toHaveText(`Voorbeeldstad (${teams} teams)`);
	await expect(page.getByRole('listitem').filter({ hasText: 'Anderstad' })).toHaveText(
		'Anderstad (1 team)'
	);
});

test('a read-only gemeente account is not told it prepares sessions', async ({ page }) => {
	ensureFixture();
	await login(page, VIEWER_A);
	await expect(
		page.getByText('Hier zie je de uitkomsten van de teams van je gemeente')
	).toBeVisible();
	await expect(page.getByText('Hier bereid je sessies voor')).toHaveCount(0);
});

test('the results page says team, round and closing date with spaced separators', async ({
	page
}) => {
	const fixture = ensureFixture();
	await login(page, FACILITATOR_A);
	await page.goto(`/beheer/sessies/${fixture.closedSessionA}/resultaten`);
	await expect(page.locator('p.meta').first()).toHaveText(/^\S.* · .* · gesloten op \d/);
});
