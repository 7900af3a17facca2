import { expect, test, type Page } from '@playwright/test';

const CODE = 'DEMO26';

async function start(page: Page) {
	await page.goto(`/s/${CODE}`);
	await page.getByRole('button', { name: 'Beginnen' }).click();
	await expect(page).toHaveURL(`/s/${CODE}/1`);
}

test('the review page shows every answer with a link to change it', async ({ page }) => {
	await start(page);
	const first = page.locator('fieldset.statement').first();
	await first.getByRole('radio', { name: 'Doen we volledig', exact: true }).check();
	await page.getByRole('button', { name: 'Volgende' }).click();
	await expect(page).toHaveURL(`/s/${CODE}/2`);
	await page.goto(`/s/${CODE}/controleren`);

	const answers = page.locator('.answer');
	// All 21 tasks of the takenprofiel v2, answered or not.
	await expect(answers).toHaveCount(21);
	await expect(answers.first()).toContainText('Doen we volledig');
	await expect(answers.nth(1)).toContainText('Nog geen antwoord');
	await expect(page.getByRole('link', { name: /^Wijzigen stelling \d+$/ })).toHaveCount(21);
	await page.getByRole('link', { name: 'Wijzigen stelling 1', exact: true }).click();
	await expect(page).toHaveURL(new RegExp(`/s/${CODE}/1#stelling-`));
});

test('"Opgeslagen" shows only after saving and covers nothing', async ({ page }) => {
	await start(page);
	const status = page.getByRole('status').filter({ hasText: /\S/ });
	await expect(status).toHaveCount(0);
	const statements = page.locator('fieldset.statement');
	await statements.last().getByRole('radio', { name: 'Doen we deels', exact: true }).check();
	const saved = page.getByRole('status').filter({ hasText: 'Opgeslagen' });
	await expect(saved).toBeVisible();
	// Nothing of the page lies under the status line.
	const overlaps = await saved.evaluate((status) => {
		const box = status.getBoundingClientRect();
		return [...document.querySelectorAll('fieldset, label, button, textarea, p, h2')]
			.filter((el) => el !== status && !status.contains(el) && !el.contains(status))
			.filter((el) => {
				const other = el.getBoundingClientRect();
				return (
					other.width > 0 &&
					other.left < box.right &&
					box.left < other.right &&
					other.top < box.bottom &&
					box.top < other.bottom
				);
			})
			.map((el) => el.tagName);
	});
	expect(overlaps).toEqual([]);
});

test('"Stoppen en later verder" saves and shows the personal code', async ({ page }) => {
	await start(page);
	await page
		.locator('fieldset.statement')
		.first()
		.getByRole('radio', { name: 'Doen we niet', exact: true })
		.check();
	await page.getByRole('button', { name: 'Stoppen en later verder' }).click();
	await expect(page).toHaveURL(`/s/${CODE}/later`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Later verder');
	const code = await page.locator('.code').first().innerText();
	expect(code.replace(/[\s-]/g, '')).toMatch(/^[A-Z0-9]{6,}$/);

	// The code works in another browser: it leads back to the saved answer.
	const other = await page.context().browser()!.newContext();
	const second = await other.newPage();
	await second.goto('/join');
	await second.getByLabel('Code').fill(code);
	await second.getByRole('button', { name: 'Verder' }).click();
	await expect(second).toHaveURL(new RegExp(`/s/${CODE}/`));
	await second.goto(`/s/${CODE}/1`);
	await expect(
		second
			.locator('fieldset.statement')
			.first()
			.getByRole('radio', { name: 'Doen we niet', exact: true })
	).toBeChecked();
	await other.close();
});

test('on every questionnaire page the buttons come in the same order', async ({ page }) => {
	await start(page);
	const order = async () =>
		(
			await page
				.locator('form .navigation button, form.navigation button, form.navigation a')
				.allInnerTexts()
		).map((t) => t.trim());
	expect(await order()).toEqual(['Volgende', 'Stoppen en later verder']);
	await page.goto(`/s/${CODE}/2`);
	expect(await order()).toEqual(['Volgende', 'Vorige', 'Stoppen en later verder']);
	await page.goto(`/s/${CODE}/4`);
	expect(await order()).toEqual(['Naar het overzicht', 'Vorige', 'Stoppen en later verder']);
	await page.goto(`/s/${CODE}/controleren`);
	expect(await order()).toEqual(['Antwoorden versturen', 'Vorige', 'Stoppen en later verder']);
});
