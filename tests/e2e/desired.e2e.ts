import { expect, request, test, type Page } from '@playwright/test';
import { ensureFixture, FACILITATOR_A } from './accounts';
import { expectNoAxeViolations, login, readDatabase, responseIdOf, writeDatabase } from './support';

/**
 * "Gewenst" end to end: a team member answers where the team wants to be on each page of a
 * version 3 questionnaire, without JavaScript and by keyboard; the facilitator then sees "nu",
 * "gewenst" and the gap, and can sort the agenda by it.
 */

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const run = Math.random().toString(36).slice(2, 8);
const randomCode = () =>
	Array.from({ length: 6 }, () => ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join('');

type Dimension = { id: string; title: string; items: { id: string }[] };

/** An open basisfuncties v3 session (v2 plus gewenst) of a team and round of its own in gemeente A. */
function openV2Session() {
	const fixture = ensureFixture();
	const code = randomCode();
	const label = `Gewenst ${Math.random().toString(36).slice(2, 8)}`;
	return writeDatabase((db) => {
		const now = Date.now();
		const round = db
			.prepare(
				"INSERT INTO meetrondes (name, starts_on, ends_on, gemeente_id, created_at) VALUES (?, '2027-03-01', '2027-04-01', ?, ?)"
			)
			.run(label, fixture.gemeenteA, now).lastInsertRowid;
		const version = db
			.prepare(
				"SELECT id FROM questionnaire_versions WHERE questionnaire_id = 'basisfuncties' AND version = 3"
			)
			.pluck()
			.get();
		const team = db
			.prepare("INSERT INTO teams (gemeente_id, name, tasks, created_at) VALUES (?, ?, '[]', ?)")
			.run(fixture.gemeenteA, `Zz-team E2E ${label}`, now).lastInsertRowid;
		const id = db
			.prepare(
				"INSERT INTO sessions (team_id, meetronde_id, questionnaire_version_id, join_code, status, min_respondents, opened_at, created_at) VALUES (?, ?, ?, ?, 'open', 5, ?, ?)"
			)
			.run(team, round, version, code, now, now).lastInsertRowid;
		const definition = db
			.prepare('SELECT definition FROM questionnaire_versions WHERE id = ?')
			.pluck()
			.get(version) as string;
		return {
			id: Number(id),
			code,
			dimensions: JSON.parse(definition).dimensions as Dimension[]
		};
	});
}

/** Another team member, through plain form posts as a browser without JavaScript sends them. */
async function respond(baseURL: string, code: string, client: string, dimensions: Dimension[]) {
	const context = await request.newContext({
		baseURL,
		extraHTTPHeaders: { 'x-e2e-client': client, origin: baseURL, accept: 'text/html' }
	});
	expect((await context.post(`/s/${code}?/start`, { form: {}, maxRedirects: 0 })).status()).toBe(
		303
	);
	for (const [index, dimension] of dimensions.entries()) {
		const form: Record<string, string> = { naar: 'volgende', [`gewenst-${dimension.id}`]: '5' };
		for (const item of dimension.items) form[`antwoord-${item.id}`] = '3';
		const saved = await context.post(`/s/${code}/${index + 1}`, { form, maxRedirects: 0 });
		expect(saved.status()).toBe(303);
	}
	expect(
		(await context.post(`/s/${code}/controleren`, { form: {}, maxRedirects: 0 })).status()
	).toBe(303);
	await context.dispose();
}

/** Answers every statement of the current page with "Eens" and "gewenst" with `desired`. */
async function answerPage(page: Page, desired: string) {
	const statements = page.locator('fieldset.statement');
	for (let i = 0; i < (await statements.count()); i++) {
		await statements.nth(i).getByRole('radio', { name: 'Eens', exact: true }).check();
	}
	await page
		.getByRole('group', { name: /Waar wil je dat jullie team over een jaar staat/ })
		.getByRole('radio', { name: desired, exact: true })
		.check();
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a team member answers "gewenst" on every page, and the facilitator sees nu, gewenst and the gap', async ({
		page,
		context,
		baseURL
	}) => {
		test.slow();
		const session = openV2Session();
		await page.goto(`/s/${session.code}`);
		await expect(page.getByText(/Bij elk onderwerp vragen we ook waar je wilt/)).toBeVisible();
		await page.getByRole('button', { name: 'Beginnen' }).click();
		for (const [index, dimension] of session.dimensions.entries()) {
			await expect(page).toHaveURL(`/s/${session.code}/${index + 1}`);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(dimension.title);
			await answerPage(page, 'Helemaal eens');
			await page.getByRole('button', { name: /Volgende|Naar het overzicht/ }).click();
		}
		await expect(page).toHaveURL(`/s/${session.code}/controleren`);
		const responseId = await responseIdOf(context, session.code);
		const stored = readDatabase((db) =>
			db
				.prepare(
					'SELECT dimension_id AS dimensionId, value, dont_know AS dontKnow FROM desired_answers WHERE response_id = ? ORDER BY rowid'
				)
				.all(responseId)
		);
		expect(stored).toEqual(
			session.dimensions.map((d) => ({ dimensionId: d.id, value: 5, dontKnow: 0 }))
		);
		// Back on a page, the answer is still chosen.
		await page.goto(`/s/${session.code}/1`);
		await expect(
			page
				.getByRole('group', { name: /Waar wil je dat jullie team over een jaar staat/ })
				.getByRole('radio', { name: 'Helemaal eens', exact: true })
		).toBeChecked();
		await page.goto(`/s/${session.code}/controleren`);
		await page.getByRole('button', { name: 'Antwoorden versturen' }).click();

		for (let n = 2; n <= 5; n++) {
			await respond(baseURL!, session.code, `gewenst-${n}-${run}`, session.dimensions);
		}

		await login(page, FACILITATOR_A);
		await page.goto(`/beheer/sessies/${session.id}`);
		await page.getByRole('button', { name: 'Sessie sluiten' }).click();
		await page.goto(`/beheer/sessies/${session.id}/resultaten`);
		await page.getByRole('button', { name: 'Uitkomsten tonen' }).click();

		const table = page.getByRole('table', { name: /Cijfers per onderwerp/ });
		await expect(table.getByRole('columnheader', { name: 'Gewenst: gemiddelde' })).toBeVisible();
		await expect(table.getByRole('columnheader', { name: /Verschil/ })).toBeVisible();
		// Every page: one "Eens" (4) and four "Niet eens, niet oneens" (3) on the statements, except
		// reverse-scored ones; "gewenst" is 5 for everyone.
		const first = table.getByRole('row', { name: new RegExp(session.dimensions[0].title) });
		await expect(first).toContainText('5,0');
		await expect(first).toContainText('+1,8');
		await expect(
			page.getByText(/Het verschil tussen nu en gewenst is het grootst bij/)
		).toBeVisible();

		await page.getByRole('link', { name: 'Grootste afstand tot gewenst eerst' }).click();
		await expect(page).toHaveURL(/sorteer=afstand/);
		const agenda = page.getByRole('table', { name: /Stellingen: grootste afstand tot gewenst/ });
		await expect(agenda.getByRole('columnheader', { name: 'Afstand tot gewenst' })).toHaveAttribute(
			'aria-sort',
			'descending'
		);
	});
});

test('the "gewenst" question works by keyboard, fits a phone and passes axe', async ({ page }) => {
	const session = openV2Session();
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto(`/s/${session.code}`);
	await page.getByRole('button', { name: 'Beginnen' }).click();
	await expect(page).toHaveURL(`/s/${session.code}/1`);
	const group = page.getByRole('group', {
		name: /Waar wil je dat jullie team over een jaar staat/
	});
	await expect(group).toBeVisible();
	await group.getByRole('radio', { name: 'Oneens', exact: true }).focus();
	await page.keyboard.press('ArrowRight');
	await expect(group.getByRole('radio', { name: 'Niet eens, niet oneens' })).toBeChecked();
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width).toBeLessThanOrEqual(390);
	await expectNoAxeViolations(page);
	await page.screenshot({ path: `test-results/gewenst-stap-390.png`, fullPage: true });
});

test('the results page with "gewenst" passes axe, and a comparison can compare "gewenst"', async ({
	page
}) => {
	// Three screen sizes and axe over a long page: slow on a busy machine.
	test.slow();
	const demo = readDatabase(
		(db) =>
			db
				.prepare(
					`SELECT s.id, m.name AS round FROM sessions s
					 JOIN questionnaire_versions q ON q.id = s.questionnaire_version_id
					 JOIN teams t ON t.id = s.team_id JOIN meetrondes m ON m.id = s.meetronde_id
					 WHERE q.questionnaire_id = 'basisfuncties' AND q.version = 3
					   AND t.name = 'Wijkteam Noord' AND s.status = 'closed'`
				)
				.get() as { id: number; round: string }
	);
	await login(page, FACILITATOR_A);
	for (const [width, height] of [
		[390, 844],
		[1366, 768],
		[1920, 1080]
	]) {
		await page.setViewportSize({ width, height });
		await page.goto(`/beheer/sessies/${demo.id}/resultaten`);
		await expect(page.getByRole('columnheader', { name: 'Gewenst: gemiddelde' })).toBeVisible();
		await page.screenshot({ path: `test-results/gewenst-resultaten-${width}.png`, fullPage: true });
	}
	await expectNoAxeViolations(page);

	await page.goto('/beheer/vergelijken');
	await page.getByLabel('Vragenlijst').selectOption('basisfuncties');
	await page.getByRole('button', { name: 'Vergelijken' }).click();
	await page.getByLabel('Meetronde').selectOption({ label: demo.round });
	await page.getByLabel('Welke scores').selectOption('gewenst');
	await page.getByRole('button', { name: 'Vergelijken' }).click();
	await expect(page).toHaveURL(/meting=gewenst/);
	await expect(page.getByText('Je vergelijkt "gewenst"')).toBeVisible();
	await expect(page.locator('#meting option:checked')).toHaveText('Gewenst (over een jaar)');
	await expectNoAxeViolations(page);
	await page.screenshot({ path: `test-results/gewenst-vergelijken-1366.png`, fullPage: true });
});

test('a "gewenst" answer outside the scale is refused with a Dutch message and nothing is stored', async ({
	baseURL
}) => {
	const session = openV2Session();
	const context = await request.newContext({
		baseURL,
		extraHTTPHeaders: {
			'x-e2e-client': `gewenst-fout-${run}`,
			origin: baseURL!,
			accept: 'text/html'
		}
	});
	await context.post(`/s/${session.code}?/start`, { form: {}, maxRedirects: 0 });
	const [dimension] = session.dimensions;
	const refused = await context.post(`/s/${session.code}/1`, {
		form: { [`gewenst-${dimension.id}`]: '9', [`antwoord-${dimension.items[0].id}`]: '4' },
		maxRedirects: 0
	});
	expect(refused.status()).toBe(400);
	expect(await refused.text()).toContain('waar wil je over een jaar staan');
	const stored = readDatabase(
		(db) =>
			db
				.prepare(
					'SELECT count(*) FROM desired_answers d JOIN responses r ON r.id = d.response_id WHERE r.session_id = ?'
				)
				.pluck()
				.get(session.id) as number
	);
	expect(stored).toBe(0);
	await context.dispose();
});
