import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoAxeViolations } from './support';
import { screenshotsAtSizes } from './shots';
import { providerSettings, startProvider, type TestProvider } from './oidc-provider';
import { freePort, startServer, waitForHealth, type Server } from './server-process';

// Organisation sign-in against a real OpenID provider on a loopback port, with an app server of
// its own (the suite's server has no OIDC settings).

const ACCOUNTS = {
	anna: {
		email: 'Anna.Uitgenodigd@example.nl',
		emailVerified: true,
		name: 'Anna Uitgenodigd',
		groups: []
	},
	onbekend: { email: 'onbekend@example.nl', emailVerified: true, name: 'Onbekend', groups: [] },
	groep: {
		email: 'groep@example.nl',
		emailVerified: true,
		name: 'Gert Groep',
		groups: ['iedereen', 'wijkspiegel-begeleiders']
	},
	ongeverifieerd: {
		email: 'beheer@wijkspiegel.local',
		emailVerified: false,
		name: 'Niet Bevestigd',
		groups: ['wijkspiegel-beheer']
	}
};

let provider: TestProvider;
let server: Server;
let origin: string;
let dir: string;
let databasePath: string;

function database<T>(query: (db: Database.Database) => T): T {
	const db = new Database(databasePath);
	db.pragma('busy_timeout = 5000');
	try {
		return query(db);
	} finally {
		db.close();
	}
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	test.setTimeout(120_000);
	dir = mkdtempSync(join(tmpdir(), 'wijkspiegel-oidc-'));
	databasePath = join(dir, 'oidc.db');
	// 5000-5899: crash.e2e.ts and shutdown.e2e.ts draw from 4000-4989.
	const appPort = await freePort(5000, 450);
	const providerPort = await freePort(5450, 450);
	origin = `http://localhost:${appPort}`;
	provider = await startProvider(providerPort, origin, ACCOUNTS);
	server = startServer(appPort, databasePath, {
		...providerSettings(provider.issuer),
		OIDC_GROUP_ROLES: 'wijkspiegel-beheer=beheerder; wijkspiegel-begeleiders=facilitator',
		OIDC_CREATE_ACCOUNTS: 'true',
		LOCAL_PASSWORDS: 'false',
		LOG_REQUESTS: 'false'
	});
	await waitForHealth(appPort, server);
	// Anna was invited by a beheerder: she has an account without a password.
	database((db) =>
		db
			.prepare(
				"INSERT INTO users (email, name, role, password_hash, created_at) VALUES ('anna.uitgenodigd@example.nl', 'Anna', 'facilitator', NULL, ?)"
			)
			.run(Date.now())
	);
});

test.afterAll(async () => {
	server?.process.kill('SIGTERM');
	await server?.closed;
	await provider?.close();
	rmSync(dir, { recursive: true, force: true });
});

async function signInAs(page: Page, account: keyof typeof ACCOUNTS) {
	await page.goto(`${origin}/inloggen`);
	await page.getByRole('button', { name: 'Inloggen met je organisatie-account' }).click();
	await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
	await page.getByRole('button', { name: ACCOUNTS[account].name }).click();
}

test('the login page offers the organisation account, and no password when passwords are off', async ({
	page
}) => {
	const login = await page.goto(`${origin}/inloggen`);
	// The button's redirect to the provider is allowed by the CSP, and nothing else is added.
	expect(login!.headers()['content-security-policy']).toContain(
		`form-action 'self' ${provider.issuer};`
	);
	await expect(
		page.getByRole('button', { name: 'Inloggen met je organisatie-account' })
	).toBeVisible();
	await expect(page.getByLabel('Wachtwoord')).toHaveCount(0);
	await expectNoAxeViolations(page);
	await screenshotsAtSizes(page, 'organisatie-inloggen');
	// A password posted anyway is refused.
	const response = await page.request.post(`${origin}/inloggen`, {
		form: { email: 'beheer@wijkspiegel.local', password: 'server-test-wachtwoord' },
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(403);
});

test('an invited user is linked by her verified e-mail address on first sign-in', async ({
	page
}) => {
	await signInAs(page, 'anna');
	await expect(page).toHaveURL(`${origin}/beheer`);
	await expect(page.getByText('Anna · ')).toBeVisible();
	const linked = database((db) =>
		db
			.prepare("SELECT oidc_subject FROM users WHERE email = 'anna.uitgenodigd@example.nl'")
			.pluck()
			.get()
	);
	expect(linked).toBe(`${provider.issuer}#anna`);
	const log = database((db) =>
		db.prepare('SELECT user_email, action, subject FROM audit_log ORDER BY id').all()
	);
	expect(log).toEqual([
		{
			user_email: 'anna.uitgenodigd@example.nl',
			action: 'organisatie-account gekoppeld',
			subject: 'anna.uitgenodigd@example.nl'
		},
		{
			user_email: 'anna.uitgenodigd@example.nl',
			action: 'ingelogd',
			subject: 'met organisatie-account'
		}
	]);
	// The session cookie follows cookies.ts: HttpOnly, SameSite=Lax, not Secure over plain http.
	const cookie = (await page.context().cookies()).find((c) => c.name === 'wijkspiegel_sessie')!;
	expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });
});

test('the linked account signs in again, and logging out ends the session here and at the provider', async ({
	page
}) => {
	await signInAs(page, 'anna');
	await expect(page).toHaveURL(`${origin}/beheer`);
	await page.getByRole('button', { name: 'Uitloggen' }).click();
	// The provider asks to confirm (its own RP-initiated logout page), then sends us back.
	await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/session/end`));
	await page.getByRole('button', { name: /yes, sign me out/i }).click();
	await expect(page).toHaveURL(`${origin}/inloggen`);
	await page.goto(`${origin}/beheer`);
	await expect(page).toHaveURL(/\/inloggen\?naar=/);
	// Signed out at the provider too: it asks who you are again.
	await page.getByRole('button', { name: 'Inloggen met je organisatie-account' }).click();
	await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
});

test('someone with only an account at the provider is refused with a Dutch page', async ({
	page
}) => {
	await signInAs(page, 'onbekend');
	await expect(page.getByRole('heading', { name: 'Inloggen niet gelukt' })).toBeVisible();
	await expect(page.getByRole('alert')).toContainText('Vraag een beheerder van Wijkspiegel');
	await expectNoAxeViolations(page);
	await screenshotsAtSizes(page, 'organisatie-geweigerd');
	expect(
		database((db) =>
			db.prepare("SELECT count(*) FROM users WHERE email = 'onbekend@example.nl'").pluck().get()
		)
	).toBe(0);
	await page.goto(`${origin}/beheer`);
	await expect(page).toHaveURL(/\/inloggen\?naar=/);
});

test('an unverified e-mail address never takes over an account, not even the beheerder', async ({
	page
}) => {
	await signInAs(page, 'ongeverifieerd');
	await expect(page.getByRole('alert')).toContainText('geen bevestigd e-mailadres');
	expect(
		database((db) =>
			db
				.prepare("SELECT oidc_subject FROM users WHERE email = 'beheer@wijkspiegel.local'")
				.pluck()
				.get()
		)
	).toBeNull();
});

test('a mapped group makes an account with its role when the setting allows it', async ({
	page
}) => {
	await signInAs(page, 'groep');
	await expect(page).toHaveURL(`${origin}/beheer`);
	await expect(page.getByText('Gert Groep · ')).toBeVisible();
	expect(
		database((db) =>
			db
				.prepare(
					"SELECT role, password_hash AS passwordHash FROM users WHERE email = 'groep@example.nl'"
				)
				.get()
		)
	).toEqual({ role: 'facilitator', passwordHash: null });
});
