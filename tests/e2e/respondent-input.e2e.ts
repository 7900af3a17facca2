import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { answersOfResponse, demoCode, readDatabase, responseIdOf, writeDatabase } from './support';

const CODE = 'DEMO26';

async function startedPage(page: Page) {
	await page.goto(`/s/${CODE}`);
	await page.getByRole('button', { name: 'Beginnen' }).click();
	await expect(page).toHaveURL(`/s/${CODE}/1`);
}

/** Posts a form as a browser without JavaScript does, with this context's cookies. */
function post(page: Page, path: string, form: Record<string, string>): Promise<APIResponse> {
	return page.request.post(path, {
		form,
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' }
	});
}

async function expectRefused(response: APIResponse, status: number, text: RegExp) {
	expect(response.status()).toBe(status);
	expect(await response.text()).toMatch(text);
}

test('invalid posts get a clear Dutch message and store nothing', async ({ page, context }) => {
	await startedPage(page);
	const id = await responseIdOf(context, CODE);
	const url = `/s/${CODE}/1`;

	await expectRefused(
		await post(page, url, { 'antwoord-ps-1': '7' }),
		400,
		/Kies een van de antwoorden/
	);
	await expectRefused(
		await post(page, url, { 'antwoord-ps-1': '2', 'antwoord-bestaat-niet': '2' }),
		400,
		/hoort niet bij deze pagina/
	);
	await expectRefused(
		await post(page, url, {
			'antwoord-ps-1': '2',
			'opmerking-preventie-signaleren': 'x'.repeat(1001)
		}),
		400,
		/te lang/
	);
	// A statement of page 2 posted to page 1.
	await expectRefused(
		await post(page, url, { 'antwoord-oh-1': '2' }),
		400,
		/hoort niet bij deze pagina/
	);
	expect(answersOfResponse(id)).toEqual([]);

	// The same request without errors is stored: the refusals above were about the input.
	const ok = await post(page, url, { 'antwoord-ps-1': '2', naar: 'blijf' });
	expect(ok.status()).toBe(200);
	expect(answersOfResponse(id)).toHaveLength(1);
});

test('without JavaScript an invalid post shows the errors at the top, linked to the field', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await startedPage(page);
	// Forge an out-of-scale value in the real form, as a tampered browser would.
	await page
		.locator('input[name="antwoord-ps-1"]')
		.first()
		.evaluate((el) => {
			(el as HTMLInputElement).value = '9';
			(el as HTMLInputElement).checked = true;
		});
	await page.getByRole('button', { name: 'Volgende' }).click();
	await expect(page).toHaveURL(`/s/${CODE}/1`);
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Je antwoorden zijn niet opgeslagen');
	await expect(summary.getByRole('link')).toHaveAttribute('href', '#stelling-ps-1');
	await expect(page).toHaveTitle(/^Fout: /);
	await context.close();
});

test("another session's respondent cannot save into this session", async ({ page, context }) => {
	const otherCode = 'TWEEDE'.replace('W', 'V'); // any unused 6-character code
	writeDatabase((db) => {
		const demo = db.prepare('SELECT * FROM sessions WHERE join_code = ?').get(CODE) as Record<
			string,
			number
		>;
		db.prepare(
			`INSERT OR IGNORE INTO sessions (team_id, meetronde_id, questionnaire_version_id, join_code, status, min_respondents, created_at)
			 VALUES (?, ?, ?, ?, 'open', 5, ?)`
		).run(demo.team_id, demo.meetronde_id, demo.questionnaire_version_id, otherCode, Date.now());
	});
	await startedPage(page);
	const id = await responseIdOf(context, CODE);
	const token = (await context.cookies()).find((c) => c.name === 'wijkspiegel_deelnemer')!.value;
	const response = await page.request.post(`/s/${otherCode}/1`, {
		form: { 'antwoord-ps-1': '3' },
		headers: {
			origin: new URL(page.url()).origin,
			accept: 'text/html',
			cookie: `wijkspiegel_deelnemer=${token}`
		}
	});
	await expectRefused(response, 400, /niet aan je vragenlijst koppelen/);
	expect(answersOfResponse(id)).toEqual([]);
	const stored = readDatabase((db) =>
		db
			.prepare(
				'SELECT count(*) FROM answers a JOIN responses r ON r.id = a.response_id JOIN sessions s ON s.id = r.session_id WHERE s.join_code = ?'
			)
			.pluck()
			.get(otherCode)
	);
	expect(stored).toBe(0);
});

test('a post from another site is refused by the origin check', async ({ page, context }) => {
	await startedPage(page);
	const id = await responseIdOf(context, CODE);
	const response = await page.request.post(`/s/${CODE}/1`, {
		form: { 'antwoord-ps-1': '3' },
		headers: { origin: 'https://aanvaller.example' }
	});
	expect(response.status()).toBe(403);
	expect(answersOfResponse(id)).toEqual([]);
});

test('after a session closes, answers cannot change but earlier ones stay', async ({
	page,
	context
}) => {
	// A session of its own, so closing it does not disturb the other tests.
	const code = 'SLUT23'.replace('U', 'V');
	writeDatabase((db) => {
		const demo = db.prepare('SELECT * FROM sessions WHERE join_code = ?').get(CODE) as Record<
			string,
			number
		>;
		db.prepare(
			`INSERT OR IGNORE INTO sessions (team_id, meetronde_id, questionnaire_version_id, join_code, status, min_respondents, created_at)
			 VALUES (?, ?, ?, ?, 'open', 5, ?)`
		).run(demo.team_id, demo.meetronde_id, demo.questionnaire_version_id, code, Date.now());
	});
	await page.goto(`/s/${code}`);
	await page.getByRole('button', { name: 'Beginnen' }).click();
	await page
		.locator('fieldset.statement')
		.first()
		.getByRole('radio', { name: 'Doen we deels' })
		.check();
	await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen' })).toBeVisible();
	const id = await responseIdOf(context, code);

	writeDatabase((db) =>
		db.prepare("UPDATE sessions SET status = 'closed' WHERE join_code = ?").run(code)
	);
	await page
		.locator('fieldset.statement')
		.first()
		.getByRole('radio', { name: 'Doen we niet' })
		.check();
	await expect(
		page.getByRole('status').filter({ hasText: 'Deze sessie is gesloten' })
	).toBeVisible();
	expect(answersOfResponse(id).map((a) => a.value)).toEqual([2]);

	await page.reload();
	await expect(page.getByText('Antwoorden wijzigen kan niet meer', { exact: false })).toBeVisible();
	expect(demoCode('closed')).toMatch(/^[A-Z0-9]{6}$/);
});
