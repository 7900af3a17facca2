import { expect, request, test, type Page } from '@playwright/test';
import readXlsxFile from 'read-excel-file/node';
import { ensureFixture, FACILITATOR_A, VIEWER_A } from './accounts';
import { dimensionsOf, openSession, randomCode, respond, run } from './respondents';
import { expectNoAxeViolations, login, readDatabase } from './support';

/**
 * The anonymity promise end to end: a figure on one person is shown nowhere, padding a session is
 * hard and visible, reading results locks nothing, and a hidden comment is gone from every output.
 */

async function closeAndRelease(page: Page, id: number) {
	await page.goto(`/beheer/sessies/${id}`);
	await page.getByRole('button', { name: 'Sessie sluiten' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'De sessie is gesloten.' })
	).toBeVisible();
	await page.goto(`/beheer/sessies/${id}/resultaten`);
	await page.getByRole('button', { name: 'Uitkomsten tonen' }).click();
	await expect(page.getByRole('table', { name: /Cijfers per onderwerp/ })).toBeVisible();
}

test('a topic where 4 of 5 said "weet ik niet" shows no figure anywhere', async ({
	page,
	baseURL
}) => {
	const session = openSession('Privacy');
	const dimensions = dimensionsOf(session.id);
	const first = dimensions[0];
	// One person scores everything; four say "weet ik niet" on the whole first topic.
	await respond(baseURL!, session.code, `anon-1-${run}`, dimensions, () => '5');
	for (let n = 2; n <= 5; n++) {
		await respond(baseURL!, session.code, `anon-${n}-${run}`, dimensions, (d) =>
			d === 0 ? 'weet-niet' : '3'
		);
	}
	await login(page, FACILITATOR_A);
	await closeAndRelease(page, session.id);

	// Screen: the row says why, and shows neither the mean nor the spread.
	const row = page
		.getByRole('table', { name: /Cijfers per onderwerp/ })
		.getByRole('row', { name: new RegExp(first.title) });
	await expect(row).toContainText('te weinig scores');
	await expect(row).not.toContainText('5,0');
	await expect(
		page.getByText(`Over ${first.title} gaven minder dan 5 teamleden een score`)
	).toBeVisible();
	const agenda = page.getByRole('table', { name: /Stellingen/ });
	await expect(agenda.getByText('te weinig scores')).toHaveCount(first.items.length);
	await expectNoAxeViolations(page);

	// Print.
	await page.emulateMedia({ media: 'print' });
	await expect(row).toContainText('te weinig scores');
	await page.emulateMedia({ media: 'screen' });

	// CSV and XLSX: no mean, no spread, and the reason.
	const csv = await (await page.request.get(`/beheer/sessies/${session.id}/csv`)).text();
	const [header, ...lines] = csv
		.slice(1)
		.trimEnd()
		.split('\r\n')
		.map((l) => l.split(';'));
	const column = (name: string) => header.indexOf(name);
	const firstLines = lines.filter(
		(l) => l[column('id')] === first.id || first.items.some((i) => i.id === l[column('id')])
	);
	expect(firstLines).toHaveLength(1 + first.items.length);
	for (const line of firstLines) {
		expect(line[column('gemiddelde')]).toBe('');
		expect(line[column('standaardafwijking')]).toBe('');
		expect(line[column('opmerking')]).toBe('te weinig scores');
	}
	expect(header).not.toContain('mediaan');
	const xlsx = await page.request.get(`/beheer/sessies/${session.id}/xlsx`);
	const [summary] = await readXlsxFile(await xlsx.body());
	const xlsxRow = summary.data.find((r) => r[5] === first.id)!;
	expect(xlsxRow[column('gemiddelde')]).toBeNull();
	expect(xlsxRow).toContain('te weinig scores');

	// The comparison of that round.
	await page.goto(
		`/beheer/vergelijken?bron=gemeente-${ensureFixture().gemeenteA}&vragenlijst=basisfuncties&soort=teams&ronde=${session.round}`
	);
	const grid = page.getByRole('table', { name: /./ }).first();
	await expect(grid).toContainText('te weinig scores');
});

test('a gemeente-viewer never gets a join code or a live count, and quick padding is flagged', async ({
	page,
	browser,
	baseURL
}) => {
	const fixture = ensureFixture();
	const session = openSession('Opvullen');
	await login(page, VIEWER_A);
	// Every page a viewer reaches, as HTML and as SvelteKit's page data.
	for (const path of [
		`/beheer/gemeenten/${fixture.gemeenteA}`,
		`/beheer/sessies/${session.id}/resultaten`,
		'/beheer'
	]) {
		const html = await (await page.request.get(path)).text();
		expect(html).not.toContain(session.code);
		const data = await page.request.get(`${path.replace(/\/$/, '')}/__data.json`);
		expect(await data.text()).not.toContain(session.code);
	}
	await page.goto(`/beheer/sessies/${session.id}`);
	await expect(page.getByText(session.code)).toHaveCount(0);

	// Someone who has the code pads the session with questionnaires filled in seconds.
	const dimensions = dimensionsOf(session.id);
	for (let n = 0; n < 4; n++) {
		await respond(baseURL!, session.code, `opvuller-${run}`, dimensions, () => '3');
	}
	const context = await browser.newContext();
	const facilitator = await context.newPage();
	await login(facilitator, FACILITATOR_A);
	await facilitator.goto(`/beheer/sessies/${session.id}`);
	await expect(facilitator.getByText('4 vragenlijsten zijn heel snel verstuurd')).toBeVisible();
	await expectNoAxeViolations(facilitator);
	await context.close();
});

test('one address can start a room’s worth of questionnaires in a session, no more', async ({
	baseURL
}) => {
	const session = openSession('Starts');
	const start = async () => {
		const context = await request.newContext({
			baseURL,
			extraHTTPHeaders: {
				'x-e2e-client': `een-adres-${run}`,
				origin: baseURL!,
				accept: 'text/html'
			}
		});
		const response = await context.post(`/s/${session.code}?/start`, {
			form: {},
			maxRedirects: 0
		});
		const result = { status: response.status(), text: await response.text() };
		await context.dispose();
		return result;
	};
	for (let n = 0; n < 30; n++) expect((await start()).status).toBe(303);
	const refused = await start();
	expect(refused.status).toBe(429);
	expect(refused.text).toContain('Vraag de begeleider om hulp');
	expect(
		readDatabase((db) =>
			db.prepare('SELECT count(*) FROM responses WHERE session_id = ?').pluck().get(session.id)
		)
	).toBe(30);
});

test('codes tried at /s/CODE are limited like /join, but one shared typo locks no room out', async ({
	baseURL
}) => {
	const context = await request.newContext({
		baseURL,
		extraHTTPHeaders: { 'x-e2e-client': `raden-s-${run}` }
	});
	// A room that mistypes the same code many times is not guessing.
	for (let n = 0; n < 30; n++) expect((await context.get('/s/ZZZZZ2')).status()).toBe(404);
	let status = 0;
	for (let n = 0; n < 25 && status !== 429; n++) {
		status = (await context.get(`/s/${randomCode()}`)).status();
	}
	expect(status).toBe(429);
	expect(await (await context.get('/s/DEMO26')).text()).toContain('te vaak een verkeerde code');
	await context.dispose();
});

test('loading and hovering results locks nothing; a hidden comment is gone from every output', async ({
	page,
	baseURL
}) => {
	const session = openSession('Nakijken', 3);
	const dimensions = dimensionsOf(session.id);
	const comments = ['Fijn team.', 'Jan van de gemeente luistert nooit.', 'Meer tijd graag.'];
	for (const [n, comment] of comments.entries()) {
		await respond(baseURL!, session.code, `nakijk-${n}-${run}`, dimensions, () => '4', comment);
	}
	await login(page, FACILITATOR_A);
	await page.goto(`/beheer/sessies/${session.id}`);
	await page.getByRole('button', { name: 'Sessie sluiten' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'De sessie is gesloten.' })
	).toBeVisible();
	// Hover (SvelteKit preloads the page's data) and load the results page: nothing is locked.
	await page.getByRole('link', { name: 'Naar de uitkomsten' }).hover();
	await page.waitForTimeout(500);
	await page.goto(`/beheer/sessies/${session.id}/resultaten`);
	await page.goto(
		`/beheer/vergelijken?bron=gemeente-${ensureFixture().gemeenteA}&vragenlijst=basisfuncties&soort=teams&ronde=${session.round}`
	);
	expect(
		readDatabase((db) =>
			db.prepare('SELECT results_shown_at FROM sessions WHERE id = ?').pluck().get(session.id)
		)
	).toBeNull();
	await page.goto(`/beheer/sessies/${session.id}`);
	await page.getByRole('button', { name: 'Sessie weer openen' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'De sessie is weer open.' })
	).toBeVisible();

	await closeAndRelease(page, session.id);
	const secret = 'Jan van de gemeente luistert nooit.';
	await expect(page.getByText(secret)).toBeVisible();
	await page
		.getByRole('listitem')
		.filter({ hasText: secret })
		.getByRole('button', { name: 'Verbergen' })
		.click();
	await expect(page.getByText('1 opmerking is verborgen.')).toBeVisible();
	await expect(page.getByText(secret)).toHaveCount(0);
	await expect(page.getByText('Fijn team.')).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByText(secret)).toHaveCount(0);
	await page.emulateMedia({ media: 'screen' });
	for (const path of ['csv', 'xlsx', 'resultaten/__data.json']) {
		const body = await (await page.request.get(`/beheer/sessies/${session.id}/${path}`)).body();
		expect(body.toString('utf8')).not.toContain('Jan van de gemeente');
	}
	// Shown, so it can no longer reopen.
	await page.goto(`/beheer/sessies/${session.id}`);
	await expect(page.getByRole('button', { name: 'Sessie weer openen' })).toHaveCount(0);
});
