import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import readXlsxFile from 'read-excel-file/node';
import { ensureFixture, FACILITATOR_A, FACILITATOR_B, VIEWER_A } from './accounts';
import { login, writeDatabase } from './support';

test('the CSV of a session holds the figures of its table, for a gemeente-viewer too', async ({
	page
}) => {
	const fixture = ensureFixture();
	await login(page, VIEWER_A);
	await page.goto(`/beheer/sessies/${fixture.closedSessionA}/resultaten`);
	const table = page.getByRole('table', { name: /Cijfers per onderwerp/ });
	const firstRow = table.locator('tbody tr').first();
	const title = (await firstRow.locator('th').textContent())!.trim();
	const shownMean = (await firstRow.locator('td').first().textContent())!.trim();

	const response = await page.request.get(`/beheer/sessies/${fixture.closedSessionA}/csv`);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('text/csv');
	const lines = (await response.text())
		.slice(1)
		.trim()
		.split('\r\n')
		.map((l) => l.split(';'));
	const line = lines.find((l) => l[4] === 'onderwerp' && l[6] === title)!;
	const mean = Number(line[8].replace(',', '.'));
	expect(mean.toFixed(1).replace('.', ',')).toBe(shownMean);
	expect(lines.filter((l) => l[4] === 'stelling').length).toBeGreaterThan(20);

	const xlsx = await page.request.get(`/beheer/sessies/${fixture.closedSessionA}/xlsx`);
	expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
	const sheets = await readXlsxFile(await xlsx.body());
	// The sheets the README promises.
	expect(sheets.map((sheet) => sheet.sheet)).toEqual([
		'Samenvatting',
		'Onderwerpen',
		'Stellingen',
		'Verbeteracties'
	]);
	const [summary] = sheets;
	const row = summary.data.find((r) => r[4] === 'onderwerp' && r[6] === title)!;
	expect((row[8] as number).toFixed(1).replace('.', ',')).toBe(shownMean);
});

test('a facilitator of another gemeente cannot download that CSV', async ({ page }) => {
	const fixture = ensureFixture();
	await login(page, FACILITATOR_B);
	expect((await page.request.get(`/beheer/sessies/${fixture.closedSessionA}/csv`)).status()).toBe(
		403
	);
});

test('printed, the results page drops navigation and forms and keeps the figures and conclusions', async ({
	page
}) => {
	const fixture = ensureFixture();
	await login(page, FACILITATOR_A);
	await page.goto(`/beheer/sessies/${fixture.closedSessionA}/resultaten`);
	const conclusion = page.locator('form.conclusion').first();
	await conclusion.getByLabel('Wat kan beter?').fill('Vaker samen met ouders het plan maken.');
	await conclusion.getByRole('button', { name: 'Conclusie opslaan' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen' })).toBeVisible();

	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: 'Werkruimte' })).toBeHidden();
	await expect(page.locator('form.conclusion').first()).toBeHidden();
	await expect(page.getByRole('table', { name: /Cijfers per onderwerp/ })).toBeVisible();
	await expect(page.getByText(/^Afgedrukt op \d{1,2} \w+ \d{4}$/)).toBeVisible();
	await expect(page.getByText(/gesloten op \d{1,2} \w+ \d{4}/)).toBeVisible();
	await expect(
		page.locator('.print-only').getByText('Vaker samen met ouders het plan maken.')
	).toBeVisible();
	const pdf = await page.pdf({ format: 'A4' });
	expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
});

test('printed, a comparison says what was compared and when, and keeps grid, summary and actions', async ({
	page
}) => {
	await login(page, VIEWER_A);
	await page.goto('/beheer/vergelijken?soort=rondes&vragenlijst=basisfuncties');
	await page.locator('#team').selectOption({ label: 'Wijkteam Noord' });
	await page.getByRole('button', { name: 'Vergelijken' }).click();
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('form.filters')).toBeHidden();
	await expect(page.getByRole('region', { name: 'Cijfers downloaden' })).toBeHidden();
	await expect(page.locator('.print-only').first()).toContainText(
		/Gemeente Voorbeeldstad, .*: één team over de meetrondes\. Afgedrukt op \d{1,2} \w+ \d{4}\./
	);
	await expect(
		page.getByRole('table', { name: /verandering sinds de vorige ronde/ })
	).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Samenvatting' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Verbeteracties van deze teams' })).toBeVisible();
	const pdf = await page.pdf({ format: 'A4' });
	expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
});

test('printed for a gemeente account, each conclusion appears once', async ({ page }) => {
	const fixture = ensureFixture();
	const text = `Samen met school een spreekuur ${Date.now()}`;
	const dimension = writeDatabase((db) => {
		const definition = db
			.prepare(
				'SELECT q.definition FROM sessions s JOIN questionnaire_versions q ON q.id = s.questionnaire_version_id WHERE s.id = ?'
			)
			.pluck()
			.get(fixture.closedSessionA) as string;
		const id = JSON.parse(definition).dimensions.at(-1).id as string;
		db.prepare(
			'INSERT OR REPLACE INTO conclusions (session_id, dimension_id, goes_well, can_improve, updated_at) VALUES (?, ?, ?, ?, ?)'
		).run(fixture.closedSessionA, id, text, '', Date.now());
		return id;
	});
	expect(dimension).toBeTruthy();
	await login(page, VIEWER_A);
	await page.goto(`/beheer/sessies/${fixture.closedSessionA}/resultaten`);
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByText(text)).toHaveCount(1);
	await expect(page.getByText(text)).toBeVisible();
});

test('the downloaded radar picture says what it shows, of which team and round, and when', async ({
	page
}) => {
	const fixture = ensureFixture();
	await login(page, FACILITATOR_A);
	await page.goto(`/beheer/sessies/${fixture.closedSessionA}/resultaten`);
	const canvas = page.locator('.radar canvas').first();
	await expect(canvas).toBeVisible();
	const canvasHeight = await canvas.evaluate((c: HTMLCanvasElement) => c.height);
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: /Afbeelding|PNG/ }).click();
	const file = readFileSync((await (await download).path())!);
	// PNG header: the height sits in bytes 20-23 of the IHDR chunk.
	expect(file.subarray(1, 4).toString()).toBe('PNG');
	expect(file.readUInt32BE(20)).toBeGreaterThan(canvasHeight);
	writeFileSync(test.info().outputPath('radar.png'), file);
});

test('a printed session report of basisfuncties takes at most 4 A4 pages', async ({ page }) => {
	const fixture = ensureFixture();
	// A full conversation: a conclusion on every topic and a few verbeteracties.
	writeDatabase((db) => {
		const definition = db
			.prepare(
				'SELECT q.definition FROM sessions s JOIN questionnaire_versions q ON q.id = s.questionnaire_version_id WHERE s.id = ?'
			)
			.pluck()
			.get(fixture.closedSessionA) as string;
		const ids = (JSON.parse(definition).dimensions as { id: string }[]).map((d) => d.id);
		for (const id of ids) {
			db.prepare(
				'INSERT OR IGNORE INTO conclusions (session_id, dimension_id, goes_well, can_improve, updated_at) VALUES (?, ?, ?, ?, ?)'
			).run(
				fixture.closedSessionA,
				id,
				'We weten elkaar snel te vinden en delen wat we zien.',
				'Vaker samen met ouders het plan maken.',
				Date.now()
			);
		}
		const actions = db
			.prepare('SELECT count(*) FROM improvement_actions WHERE session_id = ?')
			.pluck()
			.get(fixture.closedSessionA) as number;
		for (let n = actions; n < 3; n++) {
			db.prepare(
				"INSERT INTO improvement_actions (session_id, dimension_id, what, who, due_on, status, created_at) VALUES (?, ?, 'Elke maand een spreekuur op school', 'Fatima', '2027-03-01', 'open', ?)"
			).run(fixture.closedSessionA, ids[0], Date.now());
		}
	});
	await login(page, FACILITATOR_A);
	await page.goto(`/beheer/sessies/${fixture.closedSessionA}/resultaten`);
	await expect(page.locator('.radar canvas').first()).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
	writeFileSync(test.info().outputPath('rapport.pdf'), pdf);
	const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
	expect(pages.length).toBeGreaterThan(0);
	expect(pages.length).toBeLessThanOrEqual(4);
});
