import { expect, test, type Page } from '@playwright/test';
import { FACILITATOR_A } from './accounts';
import { controlsWithLowContrast } from './legibility';
import { closeSession, dimensionsOf, openSession, releaseResults, respond } from './sessions';
import { expectNoAxeViolations, login } from './support';

/**
 * The beamer's reveal: after closing and releasing, the facilitator walks the team from the join
 * screen past the radar through every dimension, by keyboard or clicker, and the beamer shows no
 * figure on too few people and no comment the facilitator did not let through.
 */

const run = Math.random().toString(36).slice(2, 8);
const HIDDEN = `Een opmerking die verborgen wordt ${run}`;
const SHOWN = `Een opmerking voor het hele team ${run}`;
const UNREAD = `Een opmerking die nog niet gelezen is ${run}`;

/** Five team members: the first topic split, the second mostly "weet ik niet", comments here and there. */
async function fiveRespond(baseURL: string, code: string, sessionId: number) {
	const dimensions = dimensionsOf(sessionId);
	for (let n = 0; n < 5; n++) {
		await respond(baseURL, code, `reveal-${n}-${run}`, dimensions, {
			// Topic 1: statement 1 splits the team (1 or 5), the rest close together.
			value: (d, i) =>
				d === 1 && n > 0
					? 'weet-niet'
					: d === 0 && i === 0
						? n % 2
							? '1'
							: '5'
						: String(3 + (n % 2)),
			flag: (d, i) => d === 0 && i === 1 && n < 3,
			comment: (d) =>
				d === 0 && n === 0 ? HIDDEN : d === 0 && n === 1 ? SHOWN : d === 2 && n === 2 ? UNREAD : ''
		});
	}
	return dimensions;
}

async function shoot(page: Page, name: string, testInfo: { outputPath: (name: string) => string }) {
	for (const [width, height] of [
		[1920, 1080],
		[1366, 768]
	]) {
		await page.setViewportSize({ width, height });
		await page.screenshot({ path: testInfo.outputPath(`${name}-${width}x${height}.png`) });
	}
	await page.setViewportSize({ width: 1920, height: 1080 });
}

async function expectReadable(page: Page) {
	await expectNoAxeViolations(page);
	expect(await controlsWithLowContrast(page)).toEqual([]);
}

test('the facilitator walks the beamer by keyboard from join to the last dimension, and nothing leaks', async ({
	page,
	baseURL
}, testInfo) => {
	test.setTimeout(120_000);
	const session = openSession('Presentatie', { version: 3 });
	const dimensions = await fiveRespond(baseURL!, session.code, session.id);
	await page.setViewportSize({ width: 1920, height: 1080 });
	await login(page, FACILITATOR_A);
	const beamer = `/beheer/sessies/${session.id}/presentatie`;

	// Closed but not released: the join step says so, and there is nothing to step to.
	await closeSession(page, session.id);
	await page.goto(beamer);
	await expect(page.getByText('De uitkomsten komen op dit scherm zodra')).toBeVisible();
	await expect(page.getByRole('link', { name: /Volgende/ })).toHaveCount(0);
	await page.goto(`${beamer}?stap=3`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Klaar met invullen');
	await shoot(page, 'presentatie-wacht', testInfo);

	// Release; hide one comment of the first topic and let the rest of that topic through.
	await releaseResults(page, session.id);
	await page
		.getByRole('listitem')
		.filter({ hasText: HIDDEN })
		.getByRole('button', { name: 'Verbergen' })
		.click();
	await expect(page.getByText(HIDDEN)).toHaveCount(0);
	const first = dimensions[0];
	await page.getByRole('button', { name: 'Gelezen: op de beamer laten zien' }).first().click();
	await expect(page.getByRole('button', { name: 'Niet op de beamer' })).toHaveCount(1);
	await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();
	for (const [width, height] of [
		[390, 844],
		[1366, 768]
	]) {
		await page.setViewportSize({ width, height });
		await page.getByRole('heading', { name: 'Opmerkingen van teamleden' }).scrollIntoViewIfNeeded();
		await page.screenshot({
			path: testInfo.outputPath(`opmerkingen-gelezen-${width}x${height}.png`)
		});
	}
	await page.setViewportSize({ width: 1920, height: 1080 });

	await page.goto(beamer);
	const heading = page.getByRole('heading', { level: 1 });
	await expect(heading).toContainText('Klaar met invullen');
	await expect(page.getByText('De uitkomsten staan klaar')).toBeVisible();
	await shoot(page, 'presentatie-doe-mee', testInfo);
	const steps = 2 + dimensions.length;
	const announcer = page.locator('.presenter [aria-live="polite"][aria-atomic="true"]');

	// → : the radar at full height, with its table and text.
	await page.keyboard.press('ArrowRight');
	await expect(heading).toHaveText('Alle onderwerpen');
	await expect(page).toHaveURL(`${beamer}?stap=2`);
	await expect(heading).toBeFocused();
	await expect(announcer).toHaveText(`Stap 2 van ${steps}: Alle onderwerpen`);
	const table = page.getByRole('table', { name: 'Cijfers per onderwerp' });
	await expect(table.getByRole('row', { name: new RegExp(dimensions[1].title) })).toContainText(
		'te weinig scores'
	);
	const canvas = page.locator('canvas');
	await expect(canvas).toBeVisible();
	const chart = (await canvas.boundingBox())!;
	expect(chart.height).toBeGreaterThan(1080 * 0.6);
	await expectReadable(page);
	await shoot(page, 'presentatie-radar', testInfo);

	// PageDown (a clicker): the first topic, its figures, where the team differs and wants to talk.
	await page.keyboard.press('PageDown');
	await expect(heading).toHaveText(first.title);
	await expect(announcer).toHaveText(`Stap 3 van ${steps}: ${first.title}`);
	await expect(page.getByText('Onderwerp 1 van')).toBeVisible();
	await expect(page.getByText('Gemiddelde', { exact: false }).first()).toBeVisible();
	const differ = page.locator('h2:has-text("het meest verschillend") + ul');
	await expect(differ.getByRole('listitem').first()).toContainText(first.items[0].statement);
	const talk = page.locator('h2:has-text("over praten") + ul');
	await expect(talk.getByRole('listitem')).toHaveCount(1);
	await expect(talk).toContainText(first.items[1].statement);
	await expect(talk).toContainText('3 teamleden');
	for (const question of first.guide!.questions)
		await expect(page.getByText(question)).toBeVisible();
	await expect(page.getByText(SHOWN)).toBeVisible();
	await expect(page.getByText(HIDDEN)).toHaveCount(0);
	await expectReadable(page);
	await shoot(page, 'presentatie-onderwerp', testInfo);

	// Space: the second topic, where four of five said "weet ik niet".
	await page.keyboard.press(' ');
	await expect(heading).toHaveText(dimensions[1].title);
	await expect(page.getByText('te weinig scores', { exact: true })).toBeVisible();
	await expect(page.locator('dl.figures')).toHaveCount(0);
	await expect(page.getByText('Hier denken jullie het meest verschillend')).toHaveCount(0);
	await expectReadable(page);
	await shoot(page, 'presentatie-te-weinig', testInfo);

	// On to the last topic; comments nobody let through stay off the beamer.
	for (let step = 5; step <= steps; step++) {
		await page.keyboard.press('ArrowRight');
		await expect(heading).toHaveText(dimensions[step - 3].title);
		await expect(page.getByText(UNREAD)).toHaveCount(0);
		await expect(page.getByText(HIDDEN)).toHaveCount(0);
	}
	await expect(page).toHaveURL(`${beamer}?stap=${steps}`);
	await expect(page.getByRole('link', { name: /Volgende/ })).toHaveCount(0);
	await page.keyboard.press('ArrowRight');
	await expect(heading).toHaveText(dimensions.at(-1)!.title);

	// ← and PageUp go back; a reload stays on the step; Esc goes back to the session.
	await page.keyboard.press('ArrowLeft');
	await expect(heading).toHaveText(dimensions.at(-2)!.title);
	await page.keyboard.press('PageUp');
	await expect(heading).toHaveText(dimensions.at(-3)!.title);
	await page.reload();
	await expect(heading).toHaveText(dimensions.at(-3)!.title);
	await page.keyboard.press('Escape');
	await expect(page).toHaveURL(`/beheer/sessies/${session.id}`);
});

test('without JavaScript every step is an address, with quiet links to the next and previous', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(90_000);
	const session = openSession('Presentatie zonder JS', { version: 3 });
	const dimensions = await fiveRespond(baseURL!, session.code, session.id);
	const facilitator = await (await browser.newContext()).newPage();
	await login(facilitator, FACILITATOR_A);
	await closeSession(facilitator, session.id);
	await releaseResults(facilitator, session.id);
	const cookies = await facilitator.context().cookies();
	await facilitator.context().close();

	const context = await browser.newContext({ javaScriptEnabled: false });
	await context.addCookies(cookies);
	const page = await context.newPage();
	await page.goto(`/beheer/sessies/${session.id}/presentatie?stap=2`);
	const heading = page.getByRole('heading', { level: 1 });
	await expect(heading).toHaveText('Alle onderwerpen');
	// The chart needs JavaScript; the table carries the same figures.
	await expect(page.getByRole('table', { name: 'Cijfers per onderwerp' })).toBeVisible();
	await page.getByRole('link', { name: 'Volgende →' }).click();
	await expect(page).toHaveURL(/\?stap=3$/);
	await expect(heading).toHaveText(dimensions[0].title);
	await page.getByRole('link', { name: '← Vorige' }).click();
	await page.getByRole('link', { name: '← Vorige' }).click();
	await expect(heading).toContainText('Klaar met invullen');
	await context.close();
});
