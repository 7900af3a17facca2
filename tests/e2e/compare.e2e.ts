import { expect, test, type Page } from '@playwright/test';
import readXlsxFile from 'read-excel-file/node';
import { FIGURE_COLUMNS } from '../../src/lib/domain/figure-table';
import { ensureFixture, FACILITATOR_A, FACILITATOR_B, VIEWER_A } from './accounts';
import { expectNoAxeViolations, login } from './support';

function roundId(page: Page, name: string) {
	return page.locator('#ronde option', { hasText: name }).getAttribute('value');
}

test.beforeAll(() => {
	ensureFixture();
});

test('a gemeente compares its teams in one round, sorted by name, with a table and a CSV of the same figures', async ({
	page
}) => {
	await login(page, VIEWER_A);
	await page.getByRole('link', { name: 'Vergelijken' }).click();
	await page.getByRole('link', { name: 'Teams in één meetronde' }).click();
	await page
		.getByLabel('Meetronde', { exact: false })
		.selectOption({ label: 'Nulmeting voorjaar 2026' });
	await page.getByRole('button', { name: 'Vergelijken' }).click();
	await expect(page).toHaveURL(/soort=teams/);
	const grid = page.getByRole('table', { name: /Gemiddelde per onderwerp/ });
	// The address changes before the new page has rendered: wait for its rows.
	await expect(grid.locator('tbody th', { hasText: 'Wijkteam Noord' })).toBeVisible();
	const names = await grid.locator('tbody th').allTextContents();
	expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl')));
	expect(names).toEqual(
		expect.arrayContaining(['Buurtteam Zuid', 'Jeugd- en gezinsteam Centrum', 'Wijkteam Noord'])
	);
	await expect(page.getByRole('img', { name: /Radardiagram/ })).toBeVisible();
	await expect(
		page.getByText('De teams scoren samen het hoogst op', { exact: false })
	).toBeVisible();
	await expectNoAxeViolations(page);

	// The CSV and the Excel file hold the same figures as the screen.
	const shown = (await grid
		.getByRole('row', { name: /Wijkteam Noord/ })
		.locator('td')
		.first()
		.locator('.value')
		.textContent())!.trim();
	const oneDecimal = (value: number) => value.toFixed(1).replace('.', ',');
	const downloads = page.getByRole('region', { name: 'Cijfers downloaden' });
	const csvLink = downloads.getByRole('listitem').first().getByRole('link', { name: 'CSV' });
	const response = await page.request.get((await csvLink.getAttribute('href'))!);
	const text = await response.text();
	expect(text.charCodeAt(0)).toBe(0xfeff);
	const lines = text
		.slice(1)
		.trim()
		.split('\r\n')
		.map((l) => l.split(';'));
	expect(lines[0]).toEqual([...FIGURE_COLUMNS]);
	const noord = lines.find(
		(l) => l[0] === 'Wijkteam Noord' && l[4] === 'onderwerp' && l[5] === 'veilige-leefomgeving'
	)!;
	expect(oneDecimal(Number(noord[8].replace(',', '.')))).toBe(shown);

	const download = page.waitForEvent('download');
	await downloads.getByRole('listitem').first().getByRole('link', { name: /Excel/ }).click();
	const file = await (await download).path();
	const sheets = await readXlsxFile(file);
	expect(sheets.map((s) => s.sheet)).toEqual([
		'Samenvatting',
		'Onderwerpen',
		'Stellingen',
		'Verbeteracties'
	]);
	const row = sheets[1].data.find(
		(r) => r[0] === 'Wijkteam Noord' && r[5] === 'veilige-leefomgeving'
	)!;
	expect(oneDecimal(row[8] as number)).toBe(shown);
});

test('a facilitator follows one team from the nulmeting to the next round, with arrows and signs', async ({
	page
}) => {
	await login(page, FACILITATOR_A);
	await page.goto('/beheer/vergelijken');
	await page.getByRole('link', { name: 'Eén team over de meetrondes' }).click();
	await page.locator('#team').selectOption({ label: 'Wijkteam Noord' });
	await page.getByRole('button', { name: 'Vergelijken' }).click();
	const grid = page.getByRole('table', { name: /verandering sinds de vorige ronde/ });
	await expect(grid.locator('tbody tr')).toHaveCount(2);
	await expect(grid.locator('tbody tr').nth(1)).toContainText(/[▲▼►]/);
	await expect(grid.locator('tbody tr').nth(1)).toContainText(/[+−]\d,\d|0,0/);
	await expect(
		page.getByText('Over alle rondes scoort het team het hoogst op', { exact: false })
	).toBeVisible();
	// The nulmeting used version 1, the next round version 2: the page says which statements differ.
	const versions = page.getByRole('region', { name: 'Verschillende versies van de vragenlijst' });
	await expect(versions).toContainText('Deze vergelijking gebruikt versie 1 en 3');
	await versions.getByText('Welke stellingen verschillen').click();
	await expect(versions.getByText(/Anders verwoord \(ts-4\)/)).toBeVisible();
	await expectNoAxeViolations(page);
});

test('a team beside the average of its gemeente says how the average is formed', async ({
	page
}) => {
	await login(page, FACILITATOR_A);
	// This kind shows both the team and the round to choose from.
	await page.goto('/beheer/vergelijken?soort=gemiddelde');
	const ronde = await roundId(page, '1-meting najaar 2026');
	const team = await page
		.locator('#team option', { hasText: 'Buurtteam Zuid' })
		.getAttribute('value');
	await page.goto(
		`/beheer/vergelijken?soort=gemiddelde&vragenlijst=basisfuncties&team=${team}&ronde=${ronde}&gemiddelde=respondenten`
	);
	await expect(page.getByText('gemiddelde over alle teamleden', { exact: false })).toBeVisible();
	await expect(page.getByRole('row', { name: /Gemiddelde van \d+ teams/ })).toBeVisible();
	await expectNoAxeViolations(page);
});

test('someone of another gemeente cannot compare Voorbeeldstad, not even through the URL or the CSV', async ({
	page
}) => {
	const fixture = ensureFixture();
	await login(page, FACILITATOR_B);
	const response = await page.goto(
		`/beheer/vergelijken?bron=gemeente-${fixture.gemeenteA}&soort=teams`
	);
	expect(response?.status()).toBe(403);
	const csv = await page.request.get(
		`/beheer/vergelijken/csv?bron=gemeente-${fixture.gemeenteA}&soort=teams`
	);
	expect(csv.status()).toBe(403);
});

test('a gemeente sees the takenprofiel of its teams beside the national shares', async ({
	page
}) => {
	await login(page, VIEWER_A);
	await page.goto('/beheer/vergelijken');
	await page.getByRole('link', { name: 'Teams in één meetronde' }).click();
	await page.getByLabel('Vragenlijst').selectOption('takenprofiel');
	await page
		.getByLabel('Meetronde', { exact: false })
		.selectOption({ label: 'Nulmeting voorjaar 2026' });
	await page.getByRole('button', { name: 'Vergelijken' }).click();
	const table = page.getByRole('table', { name: /Takenprofiel van 3 teams in gemeente/ });
	await expect(table).toBeVisible();
	const first = table.locator('tbody tr').first();
	await expect(first.locator('td').nth(0)).toHaveText(/^[0-3] van 3$/);
	await expect(first.locator('td').nth(1)).toHaveText(/^\d{1,3}%$/);
	await expect(first.locator('td').nth(2)).toHaveText(/^\d{1,2}(,\d)?%$/);
	// A takenprofiel has no right or wrong: no "scoren het hoogst".
	await expect(
		page.getByText('De teams doen samen de meeste taken bij', { exact: false })
	).toBeVisible();
	await expect(page.getByText(/scoren|hoogst/)).toHaveCount(0);
	await expectNoAxeViolations(page);
});

test('lines of the comparison chart are shown and hidden by keyboard, and the page lists the teams’ verbeteracties', async ({
	page
}) => {
	await login(page, FACILITATOR_A);
	await page.goto('/beheer/vergelijken');
	const ronde = await roundId(page, 'Nulmeting voorjaar 2026');
	await page.goto(`/beheer/vergelijken?soort=teams&vragenlijst=basisfuncties&ronde=${ronde}`);
	const legend = page.getByRole('list', { name: 'Lijnen in het diagram tonen of verbergen' });
	const noord = legend.getByRole('button', { name: 'Wijkteam Noord' });
	await expect(noord).toHaveAttribute('aria-pressed', 'true');
	await noord.focus();
	await page.keyboard.press('Space');
	await expect(noord).toHaveAttribute('aria-pressed', 'false');
	await page.keyboard.press('Enter');
	await expect(noord).toHaveAttribute('aria-pressed', 'true');
	// No stray bullets before the legend's buttons, on screen or on paper.
	const marker = () =>
		legend
			.getByRole('listitem')
			.first()
			.evaluate((li) => getComputedStyle(li, '::marker').content);
	expect(await marker()).toBe('none');
	await page.emulateMedia({ media: 'print' });
	expect(await marker()).toBe('none');
	await page.emulateMedia({ media: 'screen' });

	const groups = page.getByRole('table', { name: /voor elke soort team/ });
	await expect(groups.getByRole('row', { name: /Teams die zelf hulp bieden \(2\)/ })).toBeVisible();
	await expect(groups.getByRole('row', { name: /Alle teams \(3\)/ })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Verbeteracties van deze teams' })).toBeVisible();
	await expectNoAxeViolations(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the comparison form shows only the choices that apply to the kind of comparison', async ({
		page
	}) => {
		await login(page, VIEWER_A);
		const shown = async () => ({
			team: await page.locator('#team').count(),
			ronde: await page.locator('#ronde').count(),
			profiel: await page.locator('#profiel').count(),
			gemiddelde: await page.locator('#gemiddelde').count()
		});
		await page.goto('/beheer/vergelijken');
		await page.getByRole('link', { name: 'Teams in één meetronde' }).click();
		expect(await shown()).toEqual({ team: 0, ronde: 1, profiel: 1, gemiddelde: 1 });
		await page.getByRole('link', { name: 'Eén team over de meetrondes' }).click();
		expect(await shown()).toEqual({ team: 1, ronde: 0, profiel: 0, gemiddelde: 0 });
		await page.getByRole('link', { name: 'Eén team naast het gemiddelde' }).click();
		expect(await shown()).toEqual({ team: 1, ronde: 1, profiel: 1, gemiddelde: 1 });
		await expect(page.getByRole('link', { name: 'Eén team naast het gemiddelde' })).toHaveAttribute(
			'aria-current',
			'true'
		);
		// The choice of team survives a submit without scripts.
		await page.locator('#team').selectOption({ label: 'Wijkteam Noord' });
		await page.getByRole('button', { name: 'Vergelijken' }).click();
		await expect(page).toHaveURL(/soort=gemiddelde/);
		await expect(page.locator('#team option:checked')).toHaveText('Wijkteam Noord');
		// No option text is cut off: each select is as wide as its longest option.
		const cut = await page.locator('.filters select').evaluateAll((selects) => {
			const context = document.createElement('canvas').getContext('2d')!;
			return selects
				.filter((select) => {
					context.font = getComputedStyle(select).font;
					const longest = Math.max(
						...[...(select as HTMLSelectElement).options].map(
							(o) => context.measureText(o.text).width
						)
					);
					// padding and the arrow take about 3 rem
					return longest + 48 > select.getBoundingClientRect().width;
				})
				.map((s) => s.id);
		});
		expect(cut).toEqual([]);
	});
});
