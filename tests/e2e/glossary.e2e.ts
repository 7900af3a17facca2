import { expect, test } from '@playwright/test';
import { ensureFixture, FACILITATOR_A } from './accounts';
import { dimensionsOf, openSession } from './respondents';
import { expectNoAxeViolations, login } from './support';

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a team member opens a short explanation of a difficult word below the statement', async ({
		page
	}) => {
		const session = openSession('Woordenlijst');
		const dimensions = dimensionsOf(session.id) as unknown as {
			items: { id: string; statement: string }[];
		}[];
		const step = dimensions.findIndex((d) => d.items.some((i) => /\bsignaal\b/.test(i.statement)));
		expect(step).toBeGreaterThanOrEqual(0);
		const item = dimensions[step].items.find((i) => /\bsignaal\b/.test(i.statement))!;

		await page.goto(`/s/${session.code}`);
		await page.getByRole('button', { name: 'Beginnen' }).click();
		await page.goto(`/s/${session.code}/${step + 1}`);
		const statement = page.locator(`#stelling-${item.id}`);
		const explanation = statement.getByText('Een signaal is iets wat iemand ziet of hoort');
		await expect(explanation).toBeHidden();
		await statement.getByText('Wat betekent "signaal"?').click();
		await expect(explanation).toBeVisible();
		// A word is explained only where it appears: the other statements carry no such help.
		await expect(page.getByText('Wat betekent "signaal"?')).toHaveCount(1);
	});

	test('the results page explains the radar chart and the standard deviation in plain words', async ({
		page
	}) => {
		const fixture = ensureFixture();
		await login(page, FACILITATOR_A);
		await page.goto(`/beheer/sessies/${fixture.closedSessionA}/resultaten`);
		const help = page.locator('details', { hasText: 'Hoe lees je het diagram en de tabel?' });
		await expect(help.getByText('Het getal heet de standaardafwijking')).toBeHidden();
		await help.getByText('Hoe lees je het diagram en de tabel?').click();
		await expect(help.getByText('Het getal heet de standaardafwijking')).toBeVisible();
		await expect(help.getByRole('heading', { name: 'Radardiagram' })).toBeVisible();
	});
});

test('the explanations open by keyboard and pass axe', async ({ page }) => {
	// Two pages through axe on a shared, busy machine.
	test.setTimeout(90_000);
	const session = openSession('Woordenlijst toetsenbord');
	await page.goto(`/s/${session.code}`);
	await page.getByRole('button', { name: 'Beginnen' }).click();
	await expect(page).toHaveURL(new RegExp(`/s/${session.code}/1$`));
	for (let step = 1; (await page.locator('details.glossary').count()) === 0; step++) {
		await page.goto(`/s/${session.code}/${step + 1}`);
	}
	const word = page.locator('details.glossary summary').first();
	await word.focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('details.glossary p').first()).toBeVisible();
	await expectNoAxeViolations(page);

	const fixture = ensureFixture();
	await login(page, FACILITATOR_A);
	await page.goto(`/beheer/sessies/${fixture.closedSessionA}/resultaten`);
	const summary = page.getByText('Hoe lees je het diagram en de tabel?');
	await summary.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByText('Het getal heet de standaardafwijking')).toBeVisible();
	await expectNoAxeViolations(page);
});
