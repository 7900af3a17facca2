import { expect, test, type Page } from '@playwright/test';
import {
	answersOfResponse,
	demoCode,
	expectNoAxeViolations,
	readDatabase,
	responseIdOf
} from './support';

const CODE = 'DEMO26';
/** The takenprofiel questionnaire of DEMO26: 4 pages of statements, then the review page. */
const PAGES = 4;

async function start(page: Page) {
	await page.goto(`/s/${CODE}`);
	await page.getByRole('button', { name: 'Beginnen' }).click();
	await expect(page).toHaveURL(`/s/${CODE}/1`);
}

/**
 * Chooses the given label for every task on the current page, by clicking. Takenprofiel v2 asks
 * two questions per task: the label is for "doen jullie dit?", and "hoort dit bij de opdracht?"
 * gets "Ja".
 */
async function answerPage(page: Page, label: string) {
	const groups = page.locator('fieldset.statement');
	const count = await groups.count();
	for (let i = 0; i < count; i++) {
		await groups
			.nth(i)
			.getByRole('group', { name: 'Hoort dit bij de opdracht van jullie team?' })
			.getByRole('radio', { name: 'Ja', exact: true })
			.check();
		await groups
			.nth(i)
			.getByRole('group', { name: 'Doen jullie dit in de praktijk?' })
			.getByRole('radio', { name: label, exact: true })
			.check();
	}
	return count;
}

/** The "hoort dit bij de opdracht?" answers of a response. */
function assignmentOfResponse(id: number) {
	return readDatabase((db) =>
		db.prepare('SELECT answer FROM assignment_answers WHERE response_id = ?').pluck().all(id)
	) as string[];
}

test('joining with a code in another spelling leads to the session, and the start page passes axe', async ({
	page
}) => {
	await page.goto('/join');
	await expectNoAxeViolations(page);
	await page.getByLabel('Code').fill(' demo-26 ');
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page).toHaveURL(`/s/${CODE}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Takenprofiel van het wijkteam');
	await expect(page.getByText('Je bent anoniem.')).toBeVisible();
	// Takenprofiel v2: 21 tasks at about 7 seconds, plus 4 seconds each for "hoort dit bij de
	// opdracht?", rounded up: computed from the file.
	await expect(page.getByRole('listitem').filter({ hasText: 'Het invullen duurt' })).toContainText(
		'Het invullen duurt ongeveer 4 minuten.'
	);
	await expectNoAxeViolations(page);
});

test('a wrong code, a draft session and a closed session each get a clear message', async ({
	page
}) => {
	await page.goto('/join');
	const code = page.getByLabel('Code');
	await code.fill('ZZZZZZ');
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page.getByText('Deze code kennen we niet.', { exact: false })).toBeVisible();
	await expect(code).toHaveAttribute('aria-invalid', 'true');
	await expectNoAxeViolations(page);

	await code.fill(demoCode('draft'));
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page.getByText('Deze sessie is nog niet geopend.', { exact: false })).toBeVisible();

	await code.fill(demoCode('closed'));
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(
		page.getByText('Invullen of antwoorden wijzigen kan niet meer', { exact: false })
	).toBeVisible();

	await page.goto(`/s/${demoCode('closed')}`);
	await expect(page.getByText('Deze sessie is gesloten.', { exact: false })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Beginnen' })).toHaveCount(0);
	await expectNoAxeViolations(page);
});

test('repeated wrong codes from one client are slowed down', async ({ browser }) => {
	const context = await browser.newContext({
		extraHTTPHeaders: { 'x-e2e-client': `e2e-guesser-${Date.now()}-${Math.random()}` }
	});
	const page = await context.newPage();
	await page.goto('/join');
	// Twenty different wrong codes: the same wrong code again would count once.
	for (let i = 0; i < 20; i++) {
		await page.getByLabel('Code').fill(`QQQQ${'23456789ABCDEFGHJKMN'[i]}2`);
		// The message stays from the previous try: wait for this answer before typing the next code.
		const answered = page.waitForResponse(
			(r) => r.url().includes('/join') && r.request().method() === 'POST'
		);
		await page.getByRole('button', { name: 'Verder' }).click();
		await answered;
		await expect(page.getByText('Deze code kennen we niet.', { exact: false })).toBeVisible();
	}
	await page.getByLabel('Code').fill(CODE);
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page.getByText('te vaak een verkeerde code', { exact: false })).toBeVisible();
	await context.close();
});

test('a team member completes the questionnaire by keyboard alone', async ({ page, context }) => {
	// 21 tasks with two questions each and the review page's 21 "Wijzigen" links, one Tab at a time
	// on a busy machine.
	test.setTimeout(60_000);
	await page.goto('/join');
	await page.keyboard.press('Tab'); // skip link
	await page.keyboard.press('Tab'); // Wijkspiegel
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Code')).toBeFocused();
	await page.keyboard.type(CODE);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(`/s/${CODE}`);
	await page.getByRole('button', { name: 'Beginnen' }).focus();
	await page.keyboard.press('Enter');

	for (let step = 1; step <= PAGES; step++) {
		await expect(page).toHaveURL(`/s/${CODE}/${step}`);
		await expectNoAxeViolations(page);
		// Takenprofiel v2 asks two questions per task: one radio group each.
		const groups = await page.locator('fieldset.statement .choices').count();
		for (let i = 0; i < groups; i++) {
			// Tab to the next radio group, then the arrow key picks the second choice.
			await tabUntil(page, (el) => el.type === 'radio' && !el.checked);
			await page.keyboard.press('ArrowRight');
		}
		await tabUntil(page, (el) => el.tagName === 'BUTTON' && el.value === 'volgende');
		await page.keyboard.press('Enter');
	}
	await expect(page).toHaveURL(`/s/${CODE}/controleren`);
	await expect(page.getByText('Je hebt alle stellingen beantwoord.')).toBeVisible();
	await expectNoAxeViolations(page);
	await tabUntil(page, (el) => el.tagName === 'BUTTON');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(`/s/${CODE}/klaar`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bedankt voor het invullen!');
	await expectNoAxeViolations(page);

	const id = await responseIdOf(context, CODE);
	const answers = answersOfResponse(id);
	expect(answers).toHaveLength(21);
	expect(answers.every((a) => a.value === 2)).toBe(true);
	// The arrow key moved from the first choice of "hoort dit bij de opdracht?" to "Nee".
	const onPaper = assignmentOfResponse(id);
	expect(onPaper).toHaveLength(21);
	expect(onPaper.every((a) => a === 'nee')).toBe(true);
});

async function tabUntil(
	page: Page,
	predicate: (el: { tagName: string; type: string; checked: boolean; value: string }) => boolean,
	max = 40
) {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		const hit = await page.evaluate((source) => {
			const el = document.activeElement;
			return new Function('el', `return (${source})(el)`)(el) as boolean;
		}, predicate.toString());
		if (hit) return;
	}
	throw new Error('focus never reached the element');
}

test('a team member completes the questionnaire with JavaScript disabled', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await start(page);
	for (let step = 1; step <= PAGES; step++) {
		await expect(page).toHaveURL(`/s/${CODE}/${step}`);
		await answerPage(page, step === 2 ? 'Weet ik niet' : 'Doen we volledig');
		await page.getByRole('checkbox', { name: 'Hier wil ik over praten' }).first().check();
		if (step === 1)
			await page.getByLabel('Wat gaat goed? Wat kan beter?').fill('Korte lijnen met school.');
		await page
			.getByRole('button', { name: step < PAGES ? 'Volgende' : 'Naar het overzicht' })
			.click();
	}
	await expect(page).toHaveURL(`/s/${CODE}/controleren`);
	await page.getByRole('button', { name: 'Antwoorden versturen' }).click();
	await expect(page).toHaveURL(`/s/${CODE}/klaar`);

	const id = await responseIdOf(context, CODE);
	const answers = answersOfResponse(id);
	expect(answers).toHaveLength(21);
	expect(assignmentOfResponse(id)).toEqual(Array(21).fill('ja'));
	expect(answers.filter((a) => a.dontKnow === 1 && a.value === null).length).toBeGreaterThan(0);
	expect(answers.filter((a) => a.flagged === 1)).toHaveLength(PAGES);
	const stored = readDatabase((db) =>
		db.prepare('SELECT body FROM comments WHERE response_id = ?').pluck().all(id)
	);
	expect(stored).toEqual(['Korte lijnen met school.']);
	const submitted = readDatabase((db) =>
		db.prepare('SELECT submitted_at FROM responses WHERE id = ?').pluck().get(id)
	);
	expect(submitted).not.toBeNull();

	// Pressing back after submitting, or submitting again, changes nothing.
	await page.goBack();
	await expect(page).toHaveURL(`/s/${CODE}/klaar`);
	await context.close();
});

test('answers are saved as they change, with a visible "Opgeslagen"', async ({ page, context }) => {
	await start(page);
	await page
		.locator('fieldset.statement')
		.first()
		.getByRole('radio', { name: 'Doen we deels' })
		.check();
	await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen' })).toBeVisible();
	const answers = answersOfResponse(await responseIdOf(context, CODE));
	expect(answers).toEqual([{ itemId: 'ps-1', value: 2, dontKnow: 0, flagged: 0 }]);
});

test('without a network the page says so, keeps the answers and sends them later', async ({
	page,
	context
}) => {
	await start(page);
	await context.setOffline(true);
	const first = page.locator('fieldset.statement').first();
	await first.getByRole('radio', { name: 'Doen we niet' }).check();
	await expect(page.getByText('Geen verbinding.', { exact: false })).toBeVisible();
	await expect(first.getByRole('radio', { name: 'Doen we niet' })).toBeChecked();
	const id = await responseIdOf(context, CODE);
	expect(answersOfResponse(id)).toEqual([]);

	await context.setOffline(false);
	await page
		.locator('fieldset.statement')
		.nth(1)
		.getByRole('radio', { name: 'Doen we deels' })
		.check();
	await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen' })).toBeVisible();
	expect(answersOfResponse(id).map((a) => [a.itemId, a.value])).toEqual([
		['ps-1', 1],
		['ps-2', 2]
	]);
});

test('a team member resumes on another device with the personal code', async ({
	page,
	browser
}) => {
	await start(page);
	await answerPage(page, 'Doen we deels');
	await page.getByRole('button', { name: 'Volgende' }).click();
	await expect(page).toHaveURL(`/s/${CODE}/2`);
	const resumeCode = (await page.locator('.resume .code').textContent())!.trim();
	expect(resumeCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

	const other = await browser.newContext();
	const phone = await other.newPage();
	await phone.goto('/join');
	await phone.getByLabel('Code').fill(resumeCode.toLowerCase());
	await phone.getByRole('button', { name: 'Verder' }).click();
	await expect(phone).toHaveURL(`/s/${CODE}/2`);
	await phone.goto(`/s/${CODE}/1`);
	const radios = phone.getByRole('radio', { name: 'Doen we deels', exact: true });
	for (const radio of await radios.all()) await expect(radio).toBeChecked();

	// Coming back to the session's address on the same device continues where one was.
	await phone.goto(`/s/${CODE}`);
	await expect(phone).toHaveURL(`/s/${CODE}/2`);
	await other.close();
});

test('two respondents at the same time never see each other’s answers', async ({ browser }) => {
	const [a, b] = await Promise.all([browser.newContext(), browser.newContext()]);
	const [pageA, pageB] = await Promise.all([a.newPage(), b.newPage()]);
	await Promise.all([start(pageA), start(pageB)]);
	await Promise.all([answerPage(pageA, 'Doen we niet'), answerPage(pageB, 'Doen we volledig')]);
	await Promise.all([
		pageA.getByRole('button', { name: 'Volgende' }).click(),
		pageB.getByRole('button', { name: 'Volgende' }).click()
	]);
	await Promise.all([pageA.goto(`/s/${CODE}/1`), pageB.goto(`/s/${CODE}/1`)]);
	for (const radio of await pageA.getByRole('radio', { name: 'Doen we niet', exact: true }).all()) {
		await expect(radio).toBeChecked();
	}
	await expect(pageA.getByRole('radio', { name: 'Doen we volledig', checked: true })).toHaveCount(
		0
	);
	await expect(pageB.getByRole('radio', { name: 'Doen we niet', checked: true })).toHaveCount(0);
	await Promise.all([a.close(), b.close()]);
});
