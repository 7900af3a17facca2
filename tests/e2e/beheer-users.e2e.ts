import { expect, test } from '@playwright/test';
import { BEHEERDER } from './accounts';
import { expectNoAxeViolations, login, readDatabase, writeDatabase } from './support';

const EMAIL = 'weg-ermee@example.nl';
const userExists = () =>
	readDatabase((db) => db.prepare('SELECT count(*) FROM users WHERE email = ?').pluck().get(EMAIL));

test('deleting a user takes a confirmation: typing the name', async ({ page }) => {
	writeDatabase((db) =>
		db
			.prepare(
				"INSERT OR IGNORE INTO users (email, name, role, created_at) VALUES (?, 'Wim Weg', 'gemeente-viewer', ?)"
			)
			.run(EMAIL, Date.now())
	);
	await login(page, BEHEERDER);
	await page.goto('/beheer/gebruikers');
	const row = page.getByRole('row').filter({ hasText: EMAIL });
	// Role in words, and what the link button does, for an invited and an active account.
	await expect(row).toContainText('Gemeente (alleen lezen)');
	await expect(
		row.getByRole('button', { name: 'Nieuwe uitnodigingslink voor Wim Weg' })
	).toBeVisible();
	const me = page.getByRole('row').filter({ hasText: BEHEERDER.email });
	await expect(me.getByRole('button', { name: /^Link voor nieuw wachtwoord voor/ })).toBeVisible();
	await expect(me.getByRole('link', { name: /Verwijderen/ })).toHaveCount(0);

	await row.getByRole('link', { name: 'Verwijderen Wim Weg' }).click();
	await expect(page.getByRole('heading', { name: 'Wim Weg verwijderen?' })).toBeVisible();
	expect(userExists()).toBe(1);

	await page.getByLabel('Typ Wim Weg om te bevestigen').fill('Wim');
	await page.getByRole('button', { name: 'Definitief verwijderen' }).click();
	await expect(page.getByText('Typ precies "Wim Weg" om te bevestigen.')).toBeVisible();
	expect(userExists()).toBe(1);

	await page.getByLabel('Typ Wim Weg om te bevestigen').fill('Wim Weg');
	await page.getByRole('button', { name: 'Definitief verwijderen' }).click();
	await expect(page.getByText('De gebruiker is verwijderd.')).toBeVisible();
	expect(userExists()).toBe(0);
	await expect(page.getByRole('row').filter({ hasText: EMAIL })).toHaveCount(0);
});

test('the beheerder finds the logboek in the navigation', async ({ page }) => {
	await login(page, BEHEERDER);
	await page
		.getByRole('navigation', { name: 'Werkruimte' })
		.getByRole('link', { name: 'Logboek' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Logboek' })).toBeVisible();
});

test('the users table: action buttons side by side without overlap, the last row whole', async ({
	page
}) => {
	await page.setViewportSize({ width: 1366, height: 768 });
	await login(page, BEHEERDER);
	await page.goto('/beheer/gebruikers');
	const boxes = await page.locator('tbody tr').evaluateAll((rows) =>
		rows.map((row) => {
			const cell = row.lastElementChild!.getBoundingClientRect();
			const controls = [...row.lastElementChild!.querySelectorAll('button, a')].map((c) =>
				c.getBoundingClientRect()
			);
			return {
				cell: { top: cell.top, bottom: cell.bottom },
				controls: controls.map((c) => ({
					left: c.left,
					right: c.right,
					top: c.top,
					bottom: c.bottom
				}))
			};
		})
	);
	for (const { cell, controls } of boxes) {
		for (const c of controls) {
			expect(c.top).toBeGreaterThanOrEqual(cell.top - 0.5);
			expect(c.bottom).toBeLessThanOrEqual(cell.bottom + 0.5);
		}
		for (let i = 1; i < controls.length; i++) {
			const [a, b] = [controls[i - 1], controls[i]];
			const overlap = a.right > b.left && b.right > a.left && a.bottom > b.top && b.bottom > a.top;
			expect(overlap).toBe(false);
		}
	}
	// The last row is whole: nothing around the table clips it.
	const [lastRow, table] = await Promise.all([
		page.locator('table.users tbody tr').last().boundingBox(),
		page.locator('table.users').boundingBox()
	]);
	expect(lastRow!.y + lastRow!.height).toBeLessThanOrEqual(table!.y + table!.height + 0.5);
	// A real table on a wide screen.
	expect(
		await page
			.locator('table.users tbody tr')
			.first()
			.evaluate((row) => getComputedStyle(row).display)
	).toBe('table-row');
});

test('on a phone each user is a block of its own: nothing scrolls sideways, by keyboard and axe clean', async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await login(page, BEHEERDER);
	await page.goto('/beheer/gebruikers');
	const table = page.getByRole('table', { name: 'Alle gebruikers' });
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBe(0);
	// Every cell of a row fits the screen, stacked under the user's name.
	const me = table.getByRole('row').filter({ hasText: BEHEERDER.email });
	const name = await me.getByRole('rowheader').boundingBox();
	const email = await me.getByRole('cell', { name: BEHEERDER.email }).boundingBox();
	expect(email!.y).toBeGreaterThan(name!.y + name!.height - 1);
	for (const cell of await me.getByRole('cell').all()) {
		const box = (await cell.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(390);
	}
	// Each value says which column it belongs to, and the table keeps its rows and headers.
	expect(
		await me
			.getByRole('cell', { name: BEHEERDER.email })
			.evaluate((cell) => getComputedStyle(cell, '::before').content)
	).toBe('"E-mailadres: "');
	await expect(table.getByRole('columnheader', { name: 'Rol' })).toHaveCount(1);
	// The row's button is reached by keyboard and sits inside the user's block.
	const button = me.getByRole('button', { name: /^Link voor nieuw wachtwoord voor/ });
	const [block, control] = [(await me.boundingBox())!, (await button.boundingBox())!];
	expect(control.y + control.height).toBeLessThanOrEqual(block.y + block.height);
	await page.keyboard.press('Tab');
	for (let i = 0; i < 40 && !(await button.evaluate((b) => b === document.activeElement)); i++) {
		await page.keyboard.press('Tab');
	}
	await expect(button).toBeFocused();
	await expectNoAxeViolations(page);
});
