import { expect, test, type Page } from '@playwright/test';
import { BEHEERDER } from './accounts';
import { seedOpenSession } from './seed-session';
import { expectNoAxeViolations, login, readDatabase, writeDatabase } from './support';

// The next round opens with last round's verbeteracties: the team says per action whether it
// was done and whether it helped, and the comparison over rounds shows it.

function followUpOf(actionId: number) {
	return readDatabase(
		(db) =>
			db
				.prepare(
					'SELECT session_id AS sessionId, done, helped FROM action_follow_ups WHERE action_id = ?'
				)
				.get(actionId) as { sessionId: number; done: string; helped: string } | undefined
	);
}

/** The team's next round with a draft session, and two actions agreed in the earlier one. */
function nextRound(gemeenteId: number, teamId: number, earlier: number) {
	return writeDatabase((db) => {
		const now = Date.now();
		const round = db
			.prepare(
				"INSERT INTO meetrondes (name, starts_on, ends_on, gemeente_id, created_at) VALUES ('1-meting Terugblik', '2026-10-01', '2026-11-30', ?, ?)"
			)
			.run(gemeenteId, now).lastInsertRowid;
		const version = db
			.prepare(
				"SELECT id FROM questionnaire_versions WHERE questionnaire_id = 'basisfuncties' AND version = 1"
			)
			.pluck()
			.get();
		const later = Number(
			db
				.prepare(
					"INSERT INTO sessions (team_id, meetronde_id, questionnaire_version_id, join_code, status, min_respondents, created_at) VALUES (?, ?, ?, 'TERV26', 'draft', 3, ?)"
				)
				.run(teamId, round, version, now).lastInsertRowid
		);
		const add = (what: string, dimensionId: string) =>
			Number(
				db
					.prepare(
						"INSERT INTO improvement_actions (session_id, dimension_id, what, who, status, created_at) VALUES (?, ?, ?, 'Noor', 'bezig', ?)"
					)
					.run(earlier, dimensionId, what, now).lastInsertRowid
			);
		return {
			later,
			first: add('Elke maand een inloopuur op school', 'veilige-leefomgeving'),
			second: add('Samen op huisbezoek met de wijkagent', 'tijdig-signaleren')
		};
	});
}

const scrollY = (page: Page) => page.evaluate(() => Math.round(window.scrollY));

test("the next round looks back on last round's verbeteracties, with and without JavaScript", async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	const {
		sessionId: earlier,
		teamId,
		gemeenteId
	} = seedOpenSession({
		gemeente: 'Terugblikstad',
		team: 'Team Terugblik',
		round: { name: 'Nulmeting Terugblik', startsOn: '2026-03-01', endsOn: '2026-04-30' },
		joinCode: 'TERU26',
		respondents: 3,
		minRespondents: 3
	});
	const { later, first, second } = nextRound(gemeenteId, teamId, earlier);

	// The earlier round is closed and its results shown, so it takes part in comparisons.
	await page.setViewportSize({ width: 1366, height: 600 });
	await login(page, BEHEERDER);
	await page.goto(`/beheer/sessies/${earlier}`);
	await page.getByRole('button', { name: 'Sessie sluiten' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'De sessie is gesloten.' })
	).toBeVisible();
	await page.goto(`/beheer/sessies/${earlier}/resultaten`);
	await page.getByRole('button', { name: 'Uitkomsten tonen' }).click();
	await expect(page.getByRole('heading', { name: 'Samenvatting' })).toBeVisible();

	// The next session's results page opens with them, before anything else.
	await page.goto(`/beheer/sessies/${later}/resultaten`);
	const lookBack = page.getByRole('region', {
		name: 'Verbeteracties uit de vorige ronde (Nulmeting Terugblik)'
	});
	await expect(lookBack).toBeVisible();
	await expect(lookBack).toContainText('Van de 2 verbeteracties is er nog geen besproken.');
	await expectNoAxeViolations(page);
	for (const [width, height] of [
		[390, 844],
		[1920, 1080],
		[1366, 600]
	]) {
		await page.setViewportSize({ width, height });
		await lookBack.screenshot({ path: test.info().outputPath(`follow-up-${width}.png`) });
	}

	// A choice left open is refused in Dutch at the action, and nothing is stored.
	const item = page.locator(`#vorige-actie-${second}`);
	await item.evaluate((li) =>
		li.querySelectorAll('select').forEach((s) => s.removeAttribute('required'))
	);
	await item.getByLabel('Geholpen?').selectOption('ja');
	await item.getByRole('button', { name: 'Terugblik opslaan' }).click();
	await expect(item.getByRole('alert')).toHaveText('Niet opgeslagen: Kies of de actie gedaan is.');
	expect(followUpOf(second)).toBeUndefined();

	// With JavaScript the page stays where the facilitator was.
	await item.getByLabel('Gedaan?').selectOption('gedaan');
	await item.scrollIntoViewIfNeeded();
	const before = await scrollY(page);
	await item.getByRole('button', { name: 'Terugblik opslaan' }).click();
	await expect(item.getByRole('status')).toHaveText('Opgeslagen.');
	await expect(item).toContainText('Terugblik: Gedaan; geholpen: ja');
	await expect(lookBack).toContainText(
		'Van de 2 verbeteracties: 1 gedaan, 0 deels, 0 niet en 1 nog niet besproken. 1 heeft volgens het team geholpen.'
	);
	expect(Math.abs((await scrollY(page)) - before)).toBeLessThan(5);
	expect(followUpOf(second)).toEqual({ sessionId: later, done: 'gedaan', helped: 'ja' });

	// Without JavaScript the form posts and leads back to the action.
	const plain = await browser.newContext({ javaScriptEnabled: false });
	const noJs = await plain.newPage();
	await login(noJs, BEHEERDER);
	await noJs.goto(`/beheer/sessies/${later}/resultaten`);
	const firstItem = noJs.locator(`#vorige-actie-${first}`);
	await firstItem.getByLabel('Gedaan?').selectOption('deels');
	await firstItem.getByLabel('Geholpen?').selectOption('weet-nog-niet');
	await firstItem.getByRole('button', { name: 'Terugblik opslaan' }).click();
	await expect(noJs).toHaveURL(
		new RegExp(`\\?opgeslagen=vorige-actie-${first}#vorige-actie-${first}$`)
	);
	await expect(noJs.locator(`#vorige-actie-${first}`).getByRole('status')).toHaveText(
		'Opgeslagen.'
	);
	await expect(noJs.locator(`#vorige-actie-${first}`)).toContainText(
		'Terugblik: Deels; geholpen: weet nog niet'
	);
	// On paper: what came of each action, without the forms.
	await noJs.emulateMedia({ media: 'print' });
	await expect(noJs.getByText('Terugblik: Deels; geholpen: weet nog niet')).toBeVisible();
	await expect(noJs.getByRole('button', { name: 'Terugblik opslaan' })).toHaveCount(0);
	await plain.close();
	expect(followUpOf(first)).toEqual({ sessionId: later, done: 'deels', helped: 'weet-nog-niet' });

	// The beamer of the next round opens with the same look back, read only, by keyboard.
	await page.goto(`/beheer/sessies/${later}/presentatie`);
	// Keys work once the page's script runs; before that a key press does nothing. The look back is
	// the last step of an unreleased session, so a second press changes nothing.
	await expect(async () => {
		await page.keyboard.press('PageDown');
		await expect(page).toHaveURL(/\?stap=2$/, { timeout: 1000 });
	}).toPass();
	await expect(page.locator('#stap-titel')).toHaveText(
		'Terugblik: de verbeteracties van de vorige ronde'
	);
	await expect(page.getByText('Terugblik: Deels; geholpen: weet nog niet')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Terugblik opslaan' })).toHaveCount(0);
	await expectNoAxeViolations(page);
	await page.screenshot({ path: test.info().outputPath('beamer-terugblik.png') });

	// The comparison of the team over its rounds shows each action with its follow-up.
	await page.goto(
		`/beheer/vergelijken?bron=gemeente-${gemeenteId}&vragenlijst=basisfuncties&soort=rondes&team=${teamId}`
	);
	const actions = page.getByRole('table', {
		name: 'Verbeteracties die de teams na hun gesprek vastlegden'
	});
	await expect(
		actions.getByRole('columnheader', { name: 'Terugblik in de ronde erna' })
	).toBeVisible();
	await expect(actions.getByRole('row', { name: /inloopuur op school/ })).toContainText(
		'Deels; geholpen: weet nog niet'
	);
	await expect(actions.getByRole('row', { name: /huisbezoek/ })).toContainText(
		'Gedaan; geholpen: ja'
	);
	await expectNoAxeViolations(page);
});
