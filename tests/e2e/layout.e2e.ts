import { expect, test, type Page } from '@playwright/test';
import { ensureFixture, FACILITATOR_A, BEHEERDER } from './accounts';
import { expectNoAxeViolations } from './support';

/** Nothing may stick out sideways: reading at 320 px must not need horizontal scrolling. */
async function expectNoHorizontalScroll(page: Page) {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
}

test.describe('at 320 px wide', () => {
	test.use({ viewport: { width: 320, height: 640 } });

	test('every respondent page fits without sideways scrolling', async ({ page }) => {
		for (const path of ['/', '/join', '/s/DEMO26']) {
			await page.goto(path);
			await expectNoHorizontalScroll(page);
		}
		await page.getByRole('button', { name: 'Beginnen' }).click();
		for (let step = 1; step <= 4; step++) {
			await page.goto(`/s/DEMO26/${step}`);
			await expectNoHorizontalScroll(page);
		}
		await page.goto('/s/DEMO26/controleren');
		await expectNoHorizontalScroll(page);
	});

	test('the results page with its radar chart fits too', async ({ page }) => {
		const fixture = ensureFixture();
		await page.goto('/inloggen');
		await page.getByLabel('E-mailadres').fill(FACILITATOR_A.email);
		await page.getByLabel('Wachtwoord').fill(FACILITATOR_A.password);
		await page.getByRole('button', { name: 'Inloggen' }).click();
		await expect(page).toHaveURL('/beheer');
		await page.goto(`/beheer/sessies/${fixture.closedSessionA}/resultaten`);
		await expect(page.getByRole('img', { name: /Radardiagram/ })).toBeVisible();
		await expectNoHorizontalScroll(page);
	});
});

test('at 200% zoom a questionnaire page still reads in one column without sideways scrolling', async ({
	browser
}) => {
	// 200% zoom of a 1280 px window: the page gets 640 CSS pixels at twice the device scale.
	const context = await browser.newContext({
		viewport: { width: 640, height: 400 },
		deviceScaleFactor: 2
	});
	const page = await context.newPage();
	await page.goto('/s/DEMO26');
	await page.getByRole('button', { name: 'Beginnen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectNoHorizontalScroll(page);
	await context.close();
});

test('the remaining workspace pages pass axe', async ({ page }) => {
	const fixture = ensureFixture();
	await page.goto('/inloggen');
	await page.getByLabel('E-mailadres').fill(BEHEERDER.email);
	await page.getByLabel('Wachtwoord').fill(BEHEERDER.password);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL('/beheer');
	for (const path of [
		'/beheer/account',
		`/beheer/leerbewegingen/${fixture.leerbeweging}`,
		`/beheer/sessies/${fixture.sessionB}`,
		`/beheer/gemeenten/${fixture.gemeenteB}`
	]) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expectNoAxeViolations(page);
	}
	await page.getByRole('link', { name: 'Nulmeting Anderstad', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Nulmeting Anderstad');
	await expectNoAxeViolations(page);
});
