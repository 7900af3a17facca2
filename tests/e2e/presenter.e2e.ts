import { expect, test } from '@playwright/test';
import { ensureFixture, FACILITATOR_A, VIEWER_A } from './accounts';
import { expectNoAxeViolations, login, readDatabase } from './support';

const CODE = 'DEMO26';
const sessionId = () =>
	readDatabase(
		(db) => db.prepare('SELECT id FROM sessions WHERE join_code = ?').pluck().get(CODE) as number
	);
const started = () =>
	readDatabase(
		(db) =>
			db
				.prepare(
					'SELECT COUNT(*) FROM responses r JOIN sessions s ON s.id = r.session_id WHERE s.join_code = ?'
				)
				.pluck()
				.get(CODE) as number
	);

test('the beamer shows code, QR and address full screen, counts live, and Esc goes back', async ({
	page,
	browser
}, testInfo) => {
	ensureFixture();
	await page.setViewportSize({ width: 1920, height: 1080 });
	await login(page, FACILITATOR_A);
	const id = sessionId();
	await page.goto(`/beheer/sessies/${id}`);
	await page.getByRole('link', { name: 'Op het hele scherm laten zien (beamer)' }).click();
	await expect(page).toHaveURL(`/beheer/sessies/${id}/presentatie`);

	await expect(page.getByRole('heading', { level: 1 })).toContainText('Doe mee');
	await expect(page.getByLabel(`Code: ${CODE.split('').join(' ')}`)).toHaveText('DEM O26');
	await expect(
		page.getByRole('img', { name: /QR-code die naar .*\/s\/DEMO26 gaat/ })
	).toBeVisible();
	await expect(page.getByText(/\/join$/)).toBeVisible();
	// No navigation of the workspace on the beamer.
	await expect(page.getByRole('navigation')).toHaveCount(0);
	await expect(page.locator('.site-header')).toBeHidden();
	await expectNoAxeViolations(page);
	await page.screenshot({ path: testInfo.outputPath('presenter-1920x1080.png') });

	// Someone starts on a phone: the count follows without reloading.
	const counts = page.locator('.counts');
	const before = started();
	await expect(counts).toContainText(`${before} begonnen`);
	const phone = await browser.newContext({
		extraHTTPHeaders: { 'x-e2e-client': 'presenter-phone' }
	});
	const phonePage = await phone.newPage();
	await phonePage.goto(`/s/${CODE}`);
	await phonePage.getByRole('button', { name: 'Beginnen' }).click();
	await expect(phonePage).toHaveURL(`/s/${CODE}/1`);
	await phone.close();
	await expect(counts).toContainText(`${before + 1} begonnen`);

	// Everything fits a smaller beamer without scrolling.
	await page.setViewportSize({ width: 1366, height: 768 });
	for (const part of [page.locator('.code'), page.locator('.qr'), counts]) {
		const box = (await part.boundingBox())!;
		expect(box.y + box.height).toBeLessThanOrEqual(768);
		expect(box.x + box.width).toBeLessThanOrEqual(1366);
	}
	await page.screenshot({ path: testInfo.outputPath('presenter-1366x768.png') });

	await page.keyboard.press('Escape');
	await expect(page).toHaveURL(`/beheer/sessies/${id}`);
});

test('the counts endpoint is never cached, and the beamer view is for facilitators only', async ({
	page,
	browser
}) => {
	ensureFixture();
	await login(page, FACILITATOR_A);
	const id = sessionId();
	const response = await page.request.get(`/beheer/sessies/${id}/aantallen`);
	expect(response.headers()['cache-control']).toBe('no-store');
	// Counts only: never anything about a single questionnaire.
	expect(Object.keys(await response.json()).sort()).toEqual([
		'counted',
		'empty',
		'partial',
		'quick',
		'started',
		'status',
		'submitted'
	]);

	const viewer = await (await browser.newContext()).newPage();
	await login(viewer, VIEWER_A);
	expect((await viewer.goto(`/beheer/sessies/${id}/presentatie`))?.status()).toBe(403);
	await viewer.context().close();
});

test('without JavaScript the beamer view offers to refresh the counts', async ({ browser }) => {
	ensureFixture();
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await login(page, FACILITATOR_A);
	await page.goto(`/beheer/sessies/${sessionId()}/presentatie`);
	const refresh = page.getByRole('link', { name: 'Aantallen vernieuwen' });
	await expect(refresh).toBeVisible();
	await refresh.click();
	await expect(page.getByLabel(`Code: ${CODE.split('').join(' ')}`)).toBeVisible();
	await context.close();
});
