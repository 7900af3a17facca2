import { expect, test, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { reachableAddresses } from '../../src/lib/network.js';
import { chromiumPath } from '../../playwright.config';
import { freePort, startAsNpmStart, waitForHealth, type Server } from './server-process';
import { expectNoAxeViolations } from './support';

// A session in the room, on `npm start` without settings: the phones reach the laptop by an
// address that is not localhost. Here that is 127.0.0.2, a second loopback address: traffic stays
// on this machine, and the app sees a Host that is neither localhost nor its (absent) ORIGIN.
const HOST = '127.0.0.2';
/** A name for the laptop that Chromium does not treat as secure, as a phone sees a Wi-Fi address. */
const LAPTOP_NAME = 'wijkspiegel-laptop.test';
const CODE = 'DEMO26';
/** The takenprofiel questionnaire of DEMO26: 4 pages of statements, then the review page. */
const PAGES = 4;

test.describe.configure({ mode: 'serial' });

let server: Server;
let port: number;
let dir: string;
let base: string;

test.beforeAll(async () => {
	test.setTimeout(60_000);
	dir = mkdtempSync(join(tmpdir(), 'wijkspiegel-room-'));
	// 5000-5899: crash.e2e.ts draws from 4000-4899, shutdown.e2e.ts from 4900-4989.
	port = await freePort(5000, 900);
	base = `http://${HOST}:${port}`;
	server = startAsNpmStart(HOST, port, join(dir, 'room.db'));
	await waitForHealth(port, server, HOST);
});

test.afterAll(async () => {
	server.process.kill('SIGTERM');
	await server.closed;
	rmSync(dir, { recursive: true, force: true });
});

function responseCounts(): { started: number; submitted: number } {
	const db = new Database(join(dir, 'room.db'), { readonly: true });
	try {
		return db
			.prepare(
				`SELECT COUNT(*) AS started, COUNT(r.submitted_at) AS submitted
				 FROM responses r JOIN sessions s ON s.id = r.session_id WHERE s.join_code = ?`
			)
			.get(CODE) as { started: number; submitted: number };
	} finally {
		db.close();
	}
}

async function answerEveryPage(page: Page) {
	for (let step = 1; step <= PAGES; step++) {
		await expect(page).toHaveURL(`${base}/s/${CODE}/${step}`);
		const groups = page.locator('fieldset.statement');
		for (let i = 0; i < (await groups.count()); i++) {
			await groups.nth(i).getByRole('radio', { name: 'Doen we volledig', exact: true }).check();
		}
		await page
			.getByRole('button', { name: step < PAGES ? 'Volgende' : 'Naar het overzicht' })
			.click();
	}
	await expect(page).toHaveURL(`${base}/s/${CODE}/controleren`);
	await page.getByRole('button', { name: 'Antwoorden versturen' }).click();
	await expect(page).toHaveURL(`${base}/s/${CODE}/klaar`);
}

test('a phone on another address joins by code and finishes, with cookies that work over http', async ({
	browser
}, testInfo) => {
	const before = responseCounts();
	const phone = await browser.newContext({ baseURL: base, viewport: { width: 390, height: 844 } });
	const page = await phone.newPage();
	await page.goto('/join');
	await page.getByLabel('Code').fill(CODE.toLowerCase());
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page).toHaveURL(`${base}/s/${CODE}`);
	await page.getByRole('button', { name: 'Beginnen' }).click();

	// The respondent cookie came back without Secure: a phone keeps it over plain http.
	const cookies = await phone.cookies();
	const token = cookies.find((c) => c.name === 'wijkspiegel_deelnemer');
	expect(token).toMatchObject({ domain: HOST, path: `/s/${CODE}`, secure: false, httpOnly: true });

	await page.screenshot({ path: testInfo.outputPath('phone-390x844.png') });
	await answerEveryPage(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bedankt voor het invullen!');
	// The start script said where it runs; on one loopback address it says phones cannot come.
	expect(server.stdout.join('')).toContain(`Wijkspiegel draait op ${base}`);
	// One start, one submission: the phone kept its cookie from the first page to the last.
	expect(responseCounts()).toEqual({
		started: before.started + 1,
		submitted: before.submitted + 1
	});
	await phone.close();
});

test('on a laptop name a browser does not trust, the team member still gets past the first page', async ({
	playwright
}) => {
	// Chromium treats 127.0.0.0/8 as secure and would keep even a Secure cookie there; a phone on
	// http://192.168.x.y would not. A name mapped onto 127.0.0.2 behaves like that phone.
	const browser: Browser = await playwright.chromium.launch({
		executablePath: chromiumPath(),
		args: [`--host-resolver-rules=MAP ${LAPTOP_NAME} ${HOST}`]
	});
	try {
		const origin = `http://${LAPTOP_NAME}:${port}`;
		const page = await (await browser.newContext({ baseURL: origin })).newPage();
		await page.goto(`/s/${CODE}`);
		expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
		const before = responseCounts();
		await page.getByRole('button', { name: 'Beginnen' }).click();
		await expect(page).toHaveURL(`${origin}/s/${CODE}/1`);
		// Coming back to the start page continues at page 1 instead of offering to begin again.
		await page.goto(`/s/${CODE}`);
		await expect(page).toHaveURL(`${origin}/s/${CODE}/1`);
		expect(responseCounts().started).toBe(before.started + 1);
	} finally {
		await browser.close();
	}
});

test('the facilitator signs in on that address and the join screen shows an address phones can reach', async ({
	browser
}, testInfo) => {
	const laptop = await browser.newContext({ baseURL: base });
	const page = await laptop.newPage();
	await page.goto('/inloggen');
	await page.getByLabel('E-mailadres').fill('beheer@wijkspiegel.local');
	await page.getByLabel('Wachtwoord').fill('server-test-wachtwoord');
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(`${base}/beheer`, { timeout: 15_000 });
	const login = (await laptop.cookies()).find((c) => c.name === 'wijkspiegel_sessie');
	expect(login).toMatchObject({ secure: false, httpOnly: true });

	const db = new Database(join(dir, 'room.db'), { readonly: true });
	const sessionId = db.prepare('SELECT id FROM sessions WHERE join_code = ?').pluck().get(CODE);
	db.close();
	await page.goto(`/beheer/sessies/${sessionId}`);
	// 127.0.0.2 is this machine only, so the screen offers the machine's network address instead
	// (computed here with the same pure function, never contacted), or says there is none.
	const [address] = reachableAddresses(networkInterfaces());
	if (address) {
		const joinUrl = `http://${address}:${port}/s/${CODE}`;
		await expect(page.getByRole('link', { name: joinUrl })).toHaveAttribute('href', joinUrl);
		await expect(page.getByText(`${address}:${port}/join`)).toBeVisible();
	} else {
		await expect(page.getByText('Deze computer heeft geen netwerkadres.')).toBeVisible();
	}
	await expectNoAxeViolations(page);

	// The beamer view shows the same reachable address.
	await page.setViewportSize({ width: 1920, height: 1080 });
	await page.goto(`/beheer/sessies/${sessionId}/presentatie`);
	if (address) await expect(page.getByText(`${address}:${port}/join`)).toBeVisible();
	await page.screenshot({ path: testInfo.outputPath('presenter-room-1920x1080.png') });
	await laptop.close();
});

test('a form from another site is still refused, with a Dutch page, and changes nothing', async ({
	browser
}) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	// Another site's page with a form aimed at the laptop; served by the test, never fetched.
	await page.route('http://aanvaller.test/**', (route) =>
		route.fulfill({
			contentType: 'text/html',
			body: `<!doctype html><html lang="nl"><title>Elders</title>
				<form method="post" action="${base}/s/${CODE}?/start"><button>Beginnen</button></form>`
		})
	);
	await page.goto('http://aanvaller.test/');
	const before = responseCounts();
	const [response] = await Promise.all([
		page.waitForResponse(`${base}/s/${CODE}?/start`),
		page.getByRole('button', { name: 'Beginnen' }).click()
	]);
	expect(response.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Niet verstuurd');
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await expect(page.getByText('Er is niets veranderd.')).toBeVisible();
	await expect(page.getByText('forbidden')).toHaveCount(0);
	expect(responseCounts()).toEqual(before);
	expect((await context.cookies()).filter((c) => c.name === 'wijkspiegel_deelnemer')).toEqual([]);
	await context.close();
});
