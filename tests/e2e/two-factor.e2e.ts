import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { expectNoAxeViolations } from './support';
import { screenshotsAtSizes } from './shots';
import { freePort, startServer, waitForHealth, type Server } from './server-process';

// Two-factor sign-in with codes computed by a real TOTP library, on an app server of its own that
// requires it for beheerders (the suite's server does not, so other tests log in as before).

const BEHEERDER = { email: 'beheer@wijkspiegel.local', password: 'server-test-wachtwoord' };

let server: Server;
let origin: string;
let dir: string;
let databasePath: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	test.setTimeout(120_000);
	dir = mkdtempSync(join(tmpdir(), 'wijkspiegel-totp-'));
	databasePath = join(dir, 'totp.db');
	// 5900-6299: oidc.e2e.ts uses 5000-5899, crash and shutdown 4000-4989.
	const port = await freePort(5900, 400);
	origin = `http://localhost:${port}`;
	server = startServer(port, databasePath, {
		TOTP_REQUIRED_FOR_BEHEERDERS: 'true',
		LOG_REQUESTS: 'false'
	});
	await waitForHealth(port, server);
});

test.afterAll(async () => {
	server?.process.kill('SIGTERM');
	await server?.closed;
	rmSync(dir, { recursive: true, force: true });
});

async function password(page: Page) {
	await page.goto(`${origin}/inloggen`);
	await page.getByLabel('E-mailadres').fill(BEHEERDER.email);
	await page.getByLabel('Wachtwoord').fill(BEHEERDER.password);
	await page.getByRole('button', { name: 'Inloggen' }).click();
}

async function logOut(page: Page) {
	await page.getByRole('button', { name: 'Uitloggen' }).click();
	await expect(page).toHaveURL(/\/inloggen/);
}

function auditLines(): string[] {
	const db = new Database(databasePath, { readonly: true });
	try {
		return db
			.prepare("SELECT subject FROM audit_log WHERE action = 'ingelogd' ORDER BY id")
			.pluck()
			.all() as string[];
	} finally {
		db.close();
	}
}

let secret = '';
let recoveryCodes: string[] = [];
const app = () =>
	new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });

test('a beheerder is led to set up a code first, and sees recovery codes once', async ({
	page
}) => {
	await password(page);
	await expect(page).toHaveURL(`${origin}/beheer/account?tweestap=verplicht`);
	await expect(page.getByRole('alert')).toContainText('moet je inloggen met een code');
	// Every other page waits until the code is set up.
	await page.goto(`${origin}/beheer/gebruikers`);
	await expect(page).toHaveURL(`${origin}/beheer/account?tweestap=verplicht`);
	await expect(page.getByRole('img', { name: /QR-code/ })).toBeVisible();
	await expectNoAxeViolations(page);
	await screenshotsAtSizes(page, 'code-instellen');

	secret = (await page.locator('code.secret').innerText()).replace(/\s/g, '');
	await page.getByLabel('Code uit je app').fill('123456');
	await page.getByRole('button', { name: 'Inloggen met een code aanzetten' }).click();
	await expect(page.getByText('Deze code klopt niet')).toBeVisible();
	// The same secret stays on screen after a wrong code: it is in the app already.
	expect((await page.locator('code.secret').innerText()).replace(/\s/g, '')).toBe(secret);

	await page.getByLabel('Code uit je app').fill(app().generate());
	await page.getByRole('button', { name: 'Inloggen met een code aanzetten' }).click();
	const list = page.getByRole('list', { name: 'Herstelcodes' });
	await expect(list.getByRole('listitem')).toHaveCount(10);
	recoveryCodes = await list.getByRole('listitem').allInnerTexts();
	await expectNoAxeViolations(page);
	await screenshotsAtSizes(page, 'herstelcodes');
	await page.goto(`${origin}/beheer/gebruikers`);
	await expect(page).toHaveURL(`${origin}/beheer/gebruikers`);
	// Shown once: back on the account page only the number is left.
	await page.goto(`${origin}/beheer/account`);
	await expect(page.getByText('Je hebt nog 10 herstelcodes over.')).toBeVisible();
	await expect(page.getByRole('list', { name: 'Herstelcodes' })).toHaveCount(0);
	await logOut(page);
});

test('after the password a wrong code is refused and the code from the app signs in', async ({
	page
}) => {
	await password(page);
	await expect(page).toHaveURL(`${origin}/inloggen/code`);
	// Not signed in yet: the workspace still asks for a login.
	await page.goto(`${origin}/beheer`);
	await expect(page).toHaveURL(/\/inloggen\?naar=/);
	await password(page);
	await page.getByLabel('Code uit je app').fill('000000');
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.getByRole('alert')).toContainText('Deze code klopt niet');
	await expectNoAxeViolations(page);
	await screenshotsAtSizes(page, 'code-invullen-fout');
	// The enrolment used this 30-second step already; the app's next code is accepted.
	await page.getByLabel('Code uit je app').fill(app().generate({ timestamp: Date.now() + 30_000 }));
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(`${origin}/beheer`);
	await logOut(page);
});

test('a recovery code signs in once', async ({ page }) => {
	await password(page);
	await page.getByLabel('Code uit je app').fill(recoveryCodes[0].toUpperCase());
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(`${origin}/beheer`);
	await page.goto(`${origin}/beheer/account`);
	await expect(page.getByText('Je hebt nog 9 herstelcodes over.')).toBeVisible();
	await logOut(page);

	await password(page);
	await page.getByLabel('Code uit je app').fill(recoveryCodes[0]);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.getByRole('alert')).toContainText('Deze code klopt niet');
	expect(auditLines()).toEqual([
		'met wachtwoord',
		'met wachtwoord en code uit de app',
		'met wachtwoord en herstelcode'
	]);
});
