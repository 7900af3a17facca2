import { expect, test, type Page } from '@playwright/test';
import { ensureFixture, FACILITATOR_A } from './accounts';
import { expectNoAxeViolations, login, readDatabase, waitForScript } from './support';

// The results page is long: saving a conclusion or a verbeteractie must not send the facilitator
// back to the top. Each test uses texts of its own: other files share this session.

function storedAction(what: string) {
	return readDatabase(
		(db) =>
			db
				.prepare('SELECT id, what, who, due_on AS dueOn FROM improvement_actions WHERE what = ?')
				.get(what) as { id: number; what: string; who: string; dueOn: string | null } | undefined
	);
}

async function addAction(page: Page, what: string) {
	const form = page.locator('form.new-action');
	await form.getByRole('group', { name: 'Onderwerp' }).getByRole('radio').first().check();
	await form.getByLabel('Wat gaat het team doen?').fill(what);
	await form.getByRole('button', { name: 'Verbeteractie toevoegen' }).click();
	const item = page.getByRole('listitem').filter({ hasText: what });
	await expect(item.getByRole('status')).toHaveText('Opgeslagen.');
	return item;
}

const scrollY = (page: Page) => page.evaluate(() => Math.round(window.scrollY));

test('with JavaScript, saving a conclusion or an action keeps the place on the page', async ({
	page
}) => {
	const fixture = ensureFixture();
	await login(page, FACILITATOR_A);
	await page.goto(`/beheer/sessies/${fixture.closedSessionA}/resultaten`);
	await waitForScript(page);

	// The last conclusion, far down the page.
	const conclusion = page.locator('form.conclusion').last();
	await conclusion.getByLabel('Wat gaat goed?').fill('We bellen elkaar op tijd.');
	await conclusion.getByRole('button', { name: 'Conclusie opslaan' }).scrollIntoViewIfNeeded();
	const before = await scrollY(page);
	expect(before).toBeGreaterThan(500);
	await conclusion.getByRole('button', { name: 'Conclusie opslaan' }).click();
	await expect(conclusion.getByRole('status')).toHaveText('Opgeslagen.');
	expect(Math.abs((await scrollY(page)) - before)).toBeLessThan(5);
	await expect(conclusion.getByLabel('Wat gaat goed?')).toHaveValue('We bellen elkaar op tijd.');

	// Adding empties the form; the new action is stored.
	const what = 'Casusoverleg met de huisartsen (JS)';
	const item = await addAction(page, what);
	await expect(page.locator('form.new-action').getByLabel('Wat gaat het team doen?')).toHaveValue(
		''
	);
	const { id } = storedAction(what)!;

	// Changing the status stays put too.
	await item.getByLabel('Status').selectOption('bezig');
	const atStatus = await scrollY(page);
	await item.getByRole('button', { name: 'Status opslaan' }).click();
	await expect(item.locator('.status')).toHaveText('Bezig');
	expect(Math.abs((await scrollY(page)) - atStatus)).toBeLessThan(5);
	await expect(page).toHaveURL(new RegExp(`opgeslagen=actie-${id}#actie-${id}$`));
	expect(id).toBeGreaterThan(0);
});

test('a verbeteractie can be changed and deleted, and a bad change is refused in Dutch', async ({
	page
}) => {
	const fixture = ensureFixture();
	await login(page, FACILITATOR_A);
	await page.goto(`/beheer/sessies/${fixture.closedSessionA}/resultaten`);
	await waitForScript(page);
	const what = 'Elke week een inloopuur (wijzigen)';
	let item = await addAction(page, what);
	const { id } = storedAction(what)!;

	await item.getByText('Wijzigen of verwijderen').click();
	const edit = item.getByRole('form', { name: 'Verbeteractie wijzigen' });
	await expectNoAxeViolations(page);

	// Empty text and a date in the wrong form: refused beside the fields, nothing changed.
	await edit.getByLabel('Wat gaat het team doen?').fill('   ');
	await edit.getByLabel('Wie zorgt ervoor?').fill('Noor');
	await edit.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
	await expect(edit.locator('.field-error').first()).toBeVisible();
	await expect(edit.getByLabel('Wat gaat het team doen?')).toHaveAttribute('aria-invalid', 'true');
	await expect(edit.getByLabel('Wie zorgt ervoor?')).toHaveValue('Noor');
	expect(storedAction(what)).toMatchObject({ id, who: '' });

	const changed = 'Elke week een inloopuur op school (gewijzigd)';
	await edit.getByLabel('Wat gaat het team doen?').fill(changed);
	await edit.getByLabel('Klaar op').fill('2027-03-01');
	const before = await scrollY(page);
	await edit.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
	item = page.locator(`#actie-${id}`);
	await expect(item.getByRole('status')).toHaveText('Opgeslagen.');
	await expect(item.locator('.what')).toContainText(changed);
	await expect(item).toContainText('Wie: Noor');
	expect(Math.abs((await scrollY(page)) - before)).toBeLessThan(5);
	expect(storedAction(changed)).toEqual({ id, what: changed, who: 'Noor', dueOn: '2027-03-01' });

	// Saved, the form folds away again, as after a page load.
	await expect(item.getByRole('form', { name: 'Verbeteractie wijzigen' })).toBeHidden();
	await item.getByText('Wijzigen of verwijderen').click();
	await item.getByRole('button', { name: 'Verbeteractie verwijderen' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'verwijderd' })).toBeVisible();
	await expect(page.locator(`#actie-${id}`)).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'Verbeteracties', exact: true })).toBeFocused();
	expect(storedAction(changed)).toBeUndefined();
});

test('without JavaScript, saving leads back to the item, not to the top', async ({ browser }) => {
	const fixture = ensureFixture();
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await login(page, FACILITATOR_A);
	await page.goto(`/beheer/sessies/${fixture.closedSessionA}/resultaten`);

	const conclusion = page.locator('form.conclusion').last();
	const id = await conclusion.getAttribute('id');
	await conclusion.getByLabel('Wat kan beter?').fill('Sneller terugbellen (zonder JS).');
	await conclusion.getByRole('button', { name: 'Conclusie opslaan' }).click();
	await expect(page).toHaveURL(new RegExp(`\\?opgeslagen=${id}#${id}$`));
	await expect(page.locator(`#${id}`).getByRole('status')).toHaveText('Opgeslagen.');
	expect(await scrollY(page)).toBeGreaterThan(500);

	const what = 'Samen op huisbezoek (zonder JS)';
	const item = await addAction(page, what);
	const { id: actionId } = storedAction(what)!;
	await expect(page).toHaveURL(new RegExp(`#actie-${actionId}$`));
	// A refused change shows its errors at the item, in the unfolded form.
	await item.getByText('Wijzigen of verwijderen').click();
	await item.getByLabel('Wat gaat het team doen?').fill(' ');
	await item.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
	await expect(page).toHaveURL(new RegExp(`#actie-${actionId}$`));
	await expect(page.locator(`#actie-${actionId} .field-error`)).toBeVisible();
	expect(storedAction(what)).toMatchObject({ id: actionId });
	await page.locator(`#actie-${actionId}`).getByLabel('Wat gaat het team doen?').fill(what);
	await page.locator(`#actie-${actionId}`).getByLabel('Wie zorgt ervoor?').fill('Sam');
	await page
		.locator(`#actie-${actionId}`)
		.getByRole('button', { name: 'Wijzigingen opslaan' })
		.click();
	await expect(page).toHaveURL(new RegExp(`opgeslagen=actie-${actionId}#actie-${actionId}$`));
	await expect(page.locator(`#actie-${actionId}`)).toContainText('Wie: Sam');
	expect(await scrollY(page)).toBeGreaterThan(500);
	await page.locator(`#actie-${actionId}`).getByText('Wijzigen of verwijderen').click();
	await page
		.locator(`#actie-${actionId}`)
		.getByRole('button', { name: 'Verbeteractie verwijderen' })
		.click();
	await expect(page).toHaveURL(/#verbeteracties$/);
	expect(storedAction(what)).toBeUndefined();
	await context.close();
});
