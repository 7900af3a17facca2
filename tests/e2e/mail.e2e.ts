import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linkIn, startMailbox } from '../fixtures/mailbox';
import { freePort, startServer, waitForHealth } from './server-process';
import { expectNoAxeViolations } from './support';

// The production build with SMTP pointed at a real SMTP server that this test starts: every mail
// is read from that server, as a person would read it from their mailbox.
const ADMIN = { email: 'beheer@example.nl', password: 'server-test-wachtwoord' };

async function signIn(page: Page, base: string, email: string, password: string) {
	await page.goto(`${base}/inloggen`);
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(password);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(`${base}/beheer`);
}

async function choosePassword(page: Page, password: string) {
	await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(password);
	await page.getByLabel('Nieuw wachtwoord nog een keer').fill(password);
	await page.getByRole('button', { name: 'Wachtwoord opslaan en inloggen' }).click();
}

test('an invitation and a forgotten password go by mail, and their links work once', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const dir = mkdtempSync(join(tmpdir(), 'wijkspiegel-mail-'));
	const mailbox = await startMailbox();
	// 5000-5499: crash and shutdown tests draw from 4000-4989.
	const port = await freePort(5000, 500);
	const base = `http://localhost:${port}`;
	const server = startServer(port, join(dir, 'mail.db'), {
		ADMIN_EMAIL: ADMIN.email,
		LOG_REQUESTS: 'false',
		SMTP_HOST: '127.0.0.1',
		SMTP_PORT: String(mailbox.port),
		SMTP_TLS: 'none',
		SMTP_FROM: 'Wijkspiegel <wijkspiegel@gemeente.example>'
	});
	try {
		await waitForHealth(port, server);
		const beheer = await (await browser.newContext()).newPage();
		await signIn(beheer, base, ADMIN.email, ADMIN.password);
		await beheer.goto(`${base}/beheer/gebruikers`);
		const email = 'sanne@example.nl';
		await beheer.getByLabel('Naam', { exact: true }).fill('Sanne de Vries');
		await beheer.getByLabel('E-mailadres').fill(email);
		await beheer.getByLabel('Rol').selectOption('facilitator');
		await beheer.getByLabel('Hoort bij').selectOption({ label: 'Gemeente Voorbeeldstad' });
		await beheer.getByRole('button', { name: 'Toevoegen en uitnodiging mailen' }).click();
		await expect(beheer.getByText(`De link is gemaild naar ${email}.`)).toBeVisible();
		// Sent by mail, the link is no longer shown on the screen.
		await expect(beheer.getByLabel('Uitnodigingslink')).toHaveCount(0);

		const invitation = await mailbox.waitFor(email);
		expect(invitation.subject).toBe('Je account voor Wijkspiegel');
		expect(invitation.html).toContain(linkIn(invitation));
		const invited = await (await browser.newContext()).newPage();
		await invited.goto(linkIn(invitation));
		await expect(invited.getByRole('heading', { name: 'Account activeren' })).toBeVisible();
		await choosePassword(invited, 'paarse fiets onder de brug');
		await expect(invited).toHaveURL(`${base}/beheer`);
		await invited.goto(linkIn(invitation));
		await expect(invited.getByText('Deze uitnodiging is verlopen of al gebruikt.')).toBeVisible();
		await invited.context().close();

		// Forgotten: the page answers the same for every address, and only a real account gets mail.
		mailbox.messages.length = 0;
		const forgot = await (await browser.newContext()).newPage();
		await forgot.goto(`${base}/inloggen`);
		await forgot.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
		await expectNoAxeViolations(forgot);
		for (const address of ['niemand@example.nl', email]) {
			await forgot.goto(`${base}/inloggen/wachtwoord-vergeten`);
			await forgot.getByLabel('E-mailadres').fill(address);
			await forgot.getByRole('button', { name: 'Stuur mij een link' }).click();
			await expect(forgot.getByText('Als er een account met dit e-mailadres is')).toBeVisible();
		}
		const reset = await mailbox.waitFor(email);
		expect(reset.subject).toBe('Nieuw wachtwoord voor Wijkspiegel');
		await forgot.goto(linkIn(reset));
		await expect(forgot.getByRole('heading', { name: 'Nieuw wachtwoord kiezen' })).toBeVisible();
		await choosePassword(forgot, 'groene kat op het dak');
		await expect(forgot).toHaveURL(`${base}/beheer`);
		await forgot.getByRole('button', { name: 'Uitloggen' }).click();
		await signIn(forgot, base, email, 'groene kat op het dak');
		expect(mailbox.messages.map((m) => m.subject)).toEqual(['Nieuw wachtwoord voor Wijkspiegel']);

		// The mail server goes away: the beheerder sees that the mail did not go, and gets the link.
		await mailbox.close();
		await beheer.goto(`${base}/beheer/gebruikers`);
		await beheer
			.getByRole('button', { name: 'Link voor nieuw wachtwoord voor Sanne de Vries' })
			.click();
		await expect(beheer.getByRole('alert')).toContainText(
			`De e-mail naar ${email} kon niet worden verstuurd: de mailserver is niet bereikbaar.`
		);
		await expect(beheer.getByLabel('Uitnodigingslink')).toHaveValue(/\/uitnodiging\/[\w-]{40,}$/);
		await expectNoAxeViolations(beheer);
		expect(server.stderr.join('')).toMatch(/"message":"mail not sent"/);
	} finally {
		server.process.kill('SIGTERM');
		await server.closed;
		await mailbox.close().catch(() => {});
		rmSync(dir, { recursive: true, force: true });
	}
});
