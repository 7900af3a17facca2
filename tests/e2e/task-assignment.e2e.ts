import { expect, test, type Page } from '@playwright/test';
import { ensureFixture, FACILITATOR_A } from './accounts';
import { expectNoAxeViolations, login, readDatabase, responseIdOf } from './support';

const CODE = 'DEMO26';
const SIZES = [
	{ name: 'telefoon-390x844', width: 390, height: 844 },
	{ name: 'laptop-1366x768', width: 1366, height: 768 },
	{ name: 'beamer-1920x1080', width: 1920, height: 1080 }
];

test.beforeAll(() => {
	ensureFixture();
});

/** Screenshots to look at by eye, checking that nothing sticks out sideways. */
async function shots(page: Page, name: string) {
	const original = page.viewportSize();
	for (const size of SIZES) {
		await page.setViewportSize({ width: size.width, height: size.height });
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, `${name} at ${size.name} is wider than the screen`).toBeLessThanOrEqual(0);
		await page.screenshot({
			path: `test-results/screenshots/${size.name}/takenprofiel/${name}.png`,
			fullPage: true
		});
	}
	if (original) await page.setViewportSize(original);
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a team member answers both questions per task of takenprofiel v2', async ({
		page,
		context
	}) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(`/s/${CODE}`);
		await expect(
			page.getByText('Bij elke taak vragen we ook of die bij de opdracht')
		).toBeVisible();
		await page.getByRole('button', { name: 'Beginnen' }).click();
		await expect(page).toHaveURL(`/s/${CODE}/1`);

		const task = page.locator('fieldset.statement').first();
		const onPaper = task.getByRole('group', { name: 'Hoort dit bij de opdracht van jullie team?' });
		const inPractice = task.getByRole('group', { name: 'Doen jullie dit in de praktijk?' });
		await expect(onPaper.getByRole('radio')).toHaveCount(3);
		await onPaper.getByRole('radio', { name: 'Ja', exact: true }).check();
		await inPractice.getByRole('radio', { name: 'Doen we deels', exact: true }).check();
		// The second task by keyboard: Tab into its first group, an arrow key picks an answer.
		const second = page.locator('fieldset.statement').nth(1);
		await second.getByRole('radio', { name: 'Ja', exact: true }).focus();
		await page.keyboard.press('ArrowRight');
		await expect(second.getByRole('radio', { name: 'Nee', exact: true })).toBeChecked();

		await page.getByRole('button', { name: 'Volgende' }).click();
		await expect(page).toHaveURL(`/s/${CODE}/2`);
		const responseId = await responseIdOf(context, CODE);
		const stored = readDatabase(
			(db) =>
				db
					.prepare(
						'SELECT item_id AS itemId, answer FROM assignment_answers WHERE response_id = ? ORDER BY item_id'
					)
					.all(responseId) as { itemId: string; answer: string }[]
		);
		expect(stored).toEqual([
			{ itemId: 'ps-1', answer: 'ja' },
			{ itemId: 'ps-2', answer: 'nee' }
		]);

		// Back on page 1 the answers are there; the review page shows both.
		await page.goto(`/s/${CODE}/1`);
		await expect(onPaper.getByRole('radio', { name: 'Ja', exact: true })).toBeChecked();
		await expect(
			inPractice.getByRole('radio', { name: 'Doen we deels', exact: true })
		).toBeChecked();
		await page.goto(`/s/${CODE}/controleren`);
		await expect(page.locator('.answer').first()).toContainText('Hoort bij opdracht: Ja');
		await expect(page.locator('.answer').first()).toContainText('Doen we deels');
	});
});

test('the two questions per task pass axe and fit a phone, a laptop and a beamer', async ({
	page
}) => {
	await page.goto(`/s/${CODE}`);
	await page.getByRole('button', { name: 'Beginnen' }).click();
	await expect(page).toHaveURL(`/s/${CODE}/1`);
	const task = page.locator('fieldset.statement').first();
	await task
		.getByRole('group', { name: 'Hoort dit bij de opdracht van jullie team?' })
		.getByRole('radio', { name: 'Weet ik niet', exact: true })
		.check();
	await task
		.getByRole('group', { name: 'Doen jullie dit in de praktijk?' })
		.getByRole('radio', { name: 'Doen we volledig', exact: true })
		.check();
	await expectNoAxeViolations(page);
	await shots(page, 'stap-1-ingevuld');
	await page.goto(`/s/${CODE}/controleren`);
	await expect(page.locator('.answer').first()).toContainText('Hoort bij opdracht: Weet ik niet');
	await expectNoAxeViolations(page);
});

test('the results of takenprofiel v2 show a table and bars beside the national shares, no radar', async ({
	page
}) => {
	// A long page: axe and three full-page screenshots take a while on a busy machine.
	test.setTimeout(90_000);
	const session = readDatabase(
		(db) =>
			db
				.prepare(
					`SELECT s.id FROM sessions s JOIN questionnaire_versions q ON q.id = s.questionnaire_version_id
					 WHERE q.questionnaire_id = 'takenprofiel' AND q.version = 2 AND s.status = 'closed'
					 ORDER BY s.id`
				)
				.pluck()
				.get() as number
	);
	await login(page, FACILITATOR_A);
	await page.goto(`/beheer/sessies/${session}/resultaten`);
	const table = page.getByRole('table', { name: /Takenprofiel: opdracht en praktijk per taak/ });
	await expect(table).toBeVisible();
	await expect(table.getByRole('columnheader', { name: 'Hoort bij opdracht: ja' })).toBeVisible();
	await expect(table.getByRole('columnheader', { name: 'Landelijk' })).toBeVisible();
	const access = table.getByRole('row', { name: /Besluiten of een gezin hulp krijgt/ });
	await expect(access).toContainText('geen landelijk cijfer');
	// Every bar says its number as text.
	const bars = page.locator('.bars .bar .value');
	expect(await bars.count()).toBeGreaterThan(21);
	for (const text of await bars.allTextContents())
		expect(text).toMatch(/^(\d{1,3}(,\d)?%|–|geen cijfer)$/);
	// More tasks is not better: no radar, no "most positive" wording.
	await expect(page.locator('canvas')).toHaveCount(0);
	await expect(page.getByText(/Radardiagram/)).toHaveCount(0);
	await expect(page.getByText(/meest positief|scoort het hoogst|beste/i)).toHaveCount(0);
	await expect(
		page.getByText('Waar komt het landelijke cijfer voor langdurige hulp vandaan?')
	).toBeVisible();
	await expectNoAxeViolations(page);
	await shots(page, 'uitkomsten');
});

test('on the beamer, takenprofiel v2 shows its tasks without a radar', async ({ page }) => {
	test.setTimeout(60_000);
	const session = readDatabase(
		(db) =>
			db
				.prepare(
					`SELECT s.id FROM sessions s JOIN questionnaire_versions q ON q.id = s.questionnaire_version_id
					 WHERE q.questionnaire_id = 'takenprofiel' AND q.version = 2 AND s.status = 'closed'
					 ORDER BY s.id`
				)
				.pluck()
				.get() as number
	);
	await login(page, FACILITATOR_A);
	await page.setViewportSize({ width: 1920, height: 1080 });
	await page.goto(`/beheer/sessies/${session}/presentatie?stap=2`);
	await expect(
		page.getByRole('table', { name: 'Takenprofiel: opdracht en praktijk per taak' })
	).toBeVisible();
	await expect(page.locator('canvas')).toHaveCount(0);
	await expect(page.getByText(/meest positief|scoort het hoogst/i)).toHaveCount(0);
	await expectNoAxeViolations(page);
	await page.screenshot({
		path: 'test-results/screenshots/beamer-1920x1080/takenprofiel/presentatie.png'
	});
});
