import { expect, test } from '@playwright/test';
import { ensureFixture, FACILITATOR_A } from './accounts';
import { expectNoAxeViolations, login, readDatabase } from './support';

/** The demo's closed basisfuncties session of Wijkteam Noord in the given version. */
function basisfunctiesSession(version: number): number {
	return readDatabase(
		(db) =>
			db
				.prepare(
					`SELECT s.id FROM sessions s
					 JOIN questionnaire_versions q ON q.id = s.questionnaire_version_id
					 JOIN teams t ON t.id = s.team_id
					 WHERE q.questionnaire_id = 'basisfuncties' AND q.version = ?
					   AND t.name = 'Wijkteam Noord' AND s.status = 'closed'`
				)
				.pluck()
				.get(version) as number
	);
}

test.beforeAll(() => {
	ensureFixture();
});

test.describe('without JavaScript', () => {
	// The guide is a native <details>: it must open and read without any JavaScript.
	test.use({ javaScriptEnabled: false });

	test('beside each dimension of a version 3 session, the facilitator opens a guide for the conversation by keyboard', async ({
		page
	}) => {
		await login(page, FACILITATOR_A);
		await page.goto(`/beheer/sessies/${basisfunctiesSession(3)}/resultaten`);

		const guides = page.locator('details.guide');
		await expect(guides).toHaveCount(5);
		const first = guides.first();
		await expect(first.locator('summary')).toHaveText(
			'Leidraad voor het gesprek over Veilige leefomgeving'
		);
		await expect(first.getByText('Vragen om het gesprek te beginnen')).toBeHidden();

		// Opened with the keyboard, as someone without a mouse would.
		await first.locator('summary').focus();
		await page.keyboard.press('Enter');
		await expect(
			first.getByRole('heading', { name: 'Vragen om het gesprek te beginnen' })
		).toBeVisible();
		await expect(first.getByText(/^Bron: Nederlands Jeugdinstituut/)).toBeVisible();
		expect(await first.getByRole('listitem').count()).toBeGreaterThanOrEqual(4);
	});
});

test('the results page with an open guide passes axe', async ({ page }) => {
	// axe runs as a script in the page, so this check needs JavaScript.
	await login(page, FACILITATOR_A);
	await page.goto(`/beheer/sessies/${basisfunctiesSession(3)}/resultaten`);
	await page.locator('details.guide summary').first().click();
	await expect(
		page.getByRole('heading', { name: 'Vragen om het gesprek te beginnen' }).first()
	).toBeVisible();
	await expectNoAxeViolations(page);
});

test('a session on version 1 shows no guide, and its page stays as it was', async ({ page }) => {
	await login(page, FACILITATOR_A);
	await page.goto(`/beheer/sessies/${basisfunctiesSession(1)}/resultaten`);
	await expect(page.getByRole('heading', { name: 'Wat het team afspreekt' })).toBeVisible();
	await expect(page.locator('details.guide')).toHaveCount(0);
});
