import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { BEHEERDER } from './accounts';
import { forThisAttempt, seedOpenSession } from './seed-session';
import { expectNoAxeViolations, login, readDatabase } from './support';

// Topic voting in the room: five phones, each its own browser (and its own address), vote from
// the link they filled in the questionnaire with; the beamer shows how many voted, then totals.
// A function: a retry of the test uses a session of its own.
const CODE = () => forThisAttempt('STEM26');
const PHONE = { width: 390, height: 844 };

async function phone(browser: Browser, n: number, token: string | null, javaScript = true) {
	const context = await browser.newContext({
		viewport: PHONE,
		javaScriptEnabled: javaScript,
		extraHTTPHeaders: { 'x-e2e-client': `stem-telefoon-${n}` }
	});
	if (token) {
		await context.addCookies([
			{
				name: 'wijkspiegel_deelnemer',
				value: token,
				url: `${test.info().project.use.baseURL}/s/${CODE()}`
			}
		]);
	}
	return context;
}

async function vote(context: BrowserContext, labels: string[]) {
	const page = await context.newPage();
	await page.goto(`/s/${CODE()}/stemmen`);
	for (const label of labels) {
		await page.getByRole('checkbox', { name: label, exact: true }).check();
	}
	await page.getByRole('button', { name: 'Stem versturen' }).click();
	await expect(page.getByRole('status')).toContainText('Je stem is geteld.');
	return page;
}

test('five phones vote anonymously and the beamer shows the totals after closing', async ({
	browser,
	page
}) => {
	test.setTimeout(120_000);
	const { sessionId, tokens } = seedOpenSession({
		gemeente: 'Stemstad',
		team: 'Team Stemming',
		round: { name: 'Nulmeting Stemstad', startsOn: '2026-03-01', endsOn: '2026-04-30' },
		joinCode: 'STEM26',
		respondents: 6,
		minRespondents: 5
	});

	// The facilitator closes the session and shows the results; then the vote can open.
	await login(page, BEHEERDER);
	await page.goto(`/beheer/sessies/${sessionId}`);
	await page.getByRole('button', { name: 'Sessie sluiten' }).click();
	await expect(page.getByText('De sessie is gesloten. 6 vragenlijsten tellen mee.')).toBeVisible();
	await page.goto(`/beheer/sessies/${sessionId}/resultaten`);
	await page.getByRole('button', { name: 'Uitkomsten tonen' }).click();
	await page.goto(`/beheer/sessies/${sessionId}`);
	const panel = page.getByRole('region', { name: 'Stemmen: waar praten jullie over?' });
	await panel.getByRole('radio', { name: /De onderwerpen, en de stellingen/ }).check();
	await panel.getByRole('radio', { name: '3 stemmen' }).check();
	await expectNoAxeViolations(page);
	for (const width of [390, 1366, 1920]) {
		await page.setViewportSize({ width, height: 900 });
		await panel.screenshot({ path: test.info().outputPath(`panel-${width}.png`) });
	}
	await panel.getByRole('button', { name: 'Stemming openen' }).click();
	await expect(panel).toContainText('0 van de 6 teamleden hebben gestemd.');

	// The beamer, in a window of its own.
	const beamer = await page.context().newPage();
	await beamer.setViewportSize({ width: 1920, height: 1080 });
	await beamer.goto(`/beheer/sessies/${sessionId}/presentatie/stemming`);
	await expect(beamer.getByRole('heading', { name: 'Waar praten we over?' })).toBeVisible();
	await expect(beamer.getByText(`/s/${CODE()}/stemmen`)).toBeVisible();
	await expect(beamer.locator('.count')).toHaveText('0 van de 6 teamleden hebben gestemd');
	await expectNoAxeViolations(beamer);

	// Phone 1 checks the page, tries one vote too many: refused in Dutch, nothing counted.
	const phones = await Promise.all(
		tokens.slice(0, 5).map((t, i) => phone(browser, i + 1, t, i !== 4))
	);
	const first = await phones[0].newPage();
	await first.goto(`/s/${CODE()}/stemmen`);
	const boxes = first.getByRole('checkbox');
	expect(await boxes.count()).toBeGreaterThan(5);
	const labels = await boxes.evaluateAll((inputs) =>
		inputs.map((i) => (i.closest('label') as HTMLLabelElement).innerText.trim())
	);
	await expectNoAxeViolations(first);
	await first.screenshot({ path: test.info().outputPath('phone-390.png'), fullPage: true });
	expect(await first.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
		PHONE.width
	);
	for (const label of labels.slice(0, 4)) {
		await first.getByRole('checkbox', { name: label, exact: true }).check();
	}
	await first.getByRole('button', { name: 'Stem versturen' }).click();
	await expect(first.getByRole('alert')).toHaveText(
		'Je hebt 3 stemmen. Kies hoogstens 3 onderwerpen.'
	);
	await expect(first.getByRole('checkbox', { name: labels[0], exact: true })).toBeChecked();
	expect(readDatabase((db) => db.prepare('SELECT count(*) FROM topic_voters').pluck().get())).toBe(
		0
	);
	await first.close();

	// Three vote for the first two topics and a statement; two (one without JavaScript) for the
	// first topic only. A phone that never filled in the questionnaire cannot vote.
	for (const context of phones.slice(0, 3)) await vote(context, [labels[0], labels[1], labels[5]]);
	for (const context of phones.slice(3)) await vote(context, [labels[0]]);
	const again = await phones[4].newPage();
	await again.goto(`/s/${CODE()}/stemmen`);
	await expect(again.getByRole('status')).toContainText('Je stem is geteld.');
	await expect(again.getByRole('button', { name: 'Stem versturen' })).toHaveCount(0);
	const stranger = await phone(browser, 6, null);
	const strangerPage = await stranger.newPage();
	await strangerPage.goto(`/s/${CODE()}/stemmen`);
	await expect(strangerPage.getByRole('status')).toContainText('Dit apparaat kennen we niet.');

	// The beamer follows by itself: five voted, no totals yet.
	await expect(beamer.locator('.count')).toHaveText('5 van de 6 teamleden hebben gestemd', {
		timeout: 15_000
	});
	await expect(beamer.getByRole('list', { name: /Uitslag/ })).toHaveCount(0);
	await beamer.screenshot({ path: test.info().outputPath('beamer-open-1920.png') });

	// Closing the vote: the beamer shows the totals, most first.
	await page.reload();
	await panel.getByRole('button', { name: 'Stemming sluiten' }).click();
	await expect(panel).toContainText(`De meeste stemmen (5 stemmen) gingen naar "${labels[0]}".`);
	await panel.screenshot({ path: test.info().outputPath('panel-closed-1920.png') });
	const totals = beamer.getByRole('list', { name: 'Uitslag: stemmen per onderwerp' });
	await expect(totals).toBeVisible({ timeout: 15_000 });
	await expect(totals.getByRole('listitem').first()).toContainText(labels[0]);
	await expect(totals.getByRole('listitem').first()).toContainText('5 stemmen');
	await expect(totals.getByRole('listitem').nth(1)).toContainText('3 stemmen');
	await expect(beamer.getByText('5 teamleden stemden.')).toBeVisible();
	await expectNoAxeViolations(beamer);
	await beamer.screenshot({ path: test.info().outputPath('beamer-1920.png') });
	await beamer.setViewportSize({ width: 1366, height: 768 });
	await beamer.screenshot({ path: test.info().outputPath('beamer-1366.png') });
	await beamer.keyboard.press('Escape');
	await expect(beamer).toHaveURL(new RegExp(`/beheer/sessies/${sessionId}#stemming$`));

	// A phone can no longer vote; the outcome is stored with the session and on the results page.
	const late = await phones[0].newPage();
	await late.goto(`/s/${CODE()}/stemmen`);
	await expect(late.getByRole('status')).toContainText('Je stem is geteld.');
	await expect(late.getByText(/De stemming is gesloten/)).toBeVisible();
	await page.goto(`/beheer/sessies/${sessionId}/resultaten`);
	const table = page.getByRole('table', { name: /Uitslag van de stemming/ });
	await expect(table.getByRole('row').nth(1).getByRole('rowheader')).toHaveText(labels[0]);
	await expect(table.getByRole('row').nth(1).getByRole('cell')).toHaveText('5');
	await expectNoAxeViolations(page);
	await page
		.getByRole('heading', { name: 'Waar het team over wilde praten' })
		.scrollIntoViewIfNeeded();
	await page.screenshot({ path: test.info().outputPath('results-1366.png') });
	// The printed report keeps the outcome.
	await page.emulateMedia({ media: 'print' });
	await expect(table).toBeVisible();
	await page.emulateMedia({ media: 'screen' });
	expect(
		readDatabase((db) =>
			db
				.prepare('SELECT sum(votes) FROM topic_vote_totals WHERE session_id = ?')
				.pluck()
				.get(sessionId)
		)
	).toBe(11);
	for (const context of [...phones, stranger]) await context.close();
});
