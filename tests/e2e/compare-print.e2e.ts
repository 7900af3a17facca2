import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { ensureFixture, VIEWER_A } from './accounts';
import { linkPages, markWithLink } from './pdf';
import { login } from './support';

test.beforeAll(() => {
	ensureFixture();
});

// Wherever the chart falls on the paper, its legend prints on the same page: a legend on the next
// page leaves the reader with lines they cannot name. Text above the chart is pushed down in steps
// over more than the height of an A4 page, so that in some runs the chart meets a page break.
test('a printed comparison keeps each chart and its legend on one page', async ({ page }) => {
	test.setTimeout(90_000);
	await login(page, VIEWER_A);
	await page.goto('/beheer/vergelijken');
	const ronde = await page
		.locator('#ronde option', { hasText: 'Nulmeting voorjaar 2026' })
		.getAttribute('value');
	await page.goto(`/beheer/vergelijken?soort=teams&vragenlijst=basisfuncties&ronde=${ronde}`);
	const legend = page.getByRole('list', { name: 'Lijnen in het diagram tonen of verbergen' });
	await expect(legend).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	await markWithLink(page.locator('.radar figure'), 'top', 'https://mark.invalid/chart-top');
	await markWithLink(legend, 'bottom', 'https://mark.invalid/legend-bottom');
	await page.locator('.radar').evaluate((radar) => {
		const spacer = document.createElement('div');
		spacer.id = 'spacer';
		radar.before(spacer);
	});
	const splits: string[] = [];
	const chartPages = new Set<number>();
	for (let push = 0; push <= 1050; push += 150) {
		await page
			.locator('#spacer')
			.evaluate((s, px) => ((s as HTMLElement).style.height = `${px}px`), push);
		const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
		const pages = linkPages(pdf);
		const top = pages.get('https://mark.invalid/chart-top');
		const bottom = pages.get('https://mark.invalid/legend-bottom');
		expect(top, 'the chart is in the PDF').toBeDefined();
		expect(bottom, 'the legend is in the PDF').toBeDefined();
		if (top !== bottom) {
			splits.push(`${push}px: chart on page ${top}, legend on page ${bottom}`);
			writeFileSync(test.info().outputPath(`vergelijking-${push}.pdf`), pdf);
		}
		chartPages.add(top!);
	}
	// The chart moved to a later page in some run: a page break crossed where it stood.
	expect(chartPages.size, 'the runs pushed the chart across a page break').toBeGreaterThan(1);
	expect(splits).toEqual([]);
});
