import { expect, test, type Browser, type Page } from '@playwright/test';
import { ensureFixture, FACILITATOR_A } from './accounts';
import { expectNoAxeViolations, login as signIn } from './support';

test.beforeAll(() => {
	ensureFixture();
});

async function login(page: Page, account: { email: string; password: string }) {
	await page.goto('/inloggen');
	await expectNoAxeViolations(page);
	await signIn(page, account);
}

/** One team member fills in the whole questionnaire in a browser of their own. */
async function respond(browser: Browser, code: string, label: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`/s/${code}`);
	await page.getByRole('button', { name: 'Beginnen' }).click();
	for (let step = 1; ; step++) {
		await expect(page).toHaveURL(`/s/${code}/${step}`);
		const groups = page.locator('fieldset.statement');
		for (let i = 0; i < (await groups.count()); i++) {
			await groups.nth(i).getByRole('radio', { name: label, exact: true }).check();
		}
		await page.getByRole('button', { name: /^(Volgende|Naar het overzicht)$/ }).click();
		// Wait for the next page itself: the current address would match a looser pattern.
		await page.waitForURL(
			(url) =>
				url.pathname === `/s/${code}/${step + 1}` || url.pathname === `/s/${code}/controleren`
		);
		if (page.url().endsWith('/controleren')) break;
	}
	await page.getByRole('button', { name: 'Antwoorden versturen' }).click();
	await expect(page).toHaveURL(`/s/${code}/klaar`);
	await context.close();
}

test('a facilitator prepares a session, runs it in the room, and leads the conversation about the results', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	await login(page, FACILITATOR_A);
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Voorbeeldstad' }).click();
	await expectNoAxeViolations(page);

	// A new team with its profile.
	const teamName = `Team E2E ${Date.now()}`;
	const teamForm = page.locator('form[action="?/team"]');
	await teamForm.getByLabel('Naam van het team').fill(teamName);
	await teamForm.getByLabel('Zelf hulp bieden').check();
	await teamForm
		.getByRole('group', { name: /Organisatievorm/ })
		.getByLabel('Stichting')
		.check();
	await teamForm.getByRole('button', { name: 'Team toevoegen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(teamName);
	await expectNoAxeViolations(page);

	// A session of the takenprofiel in the autumn round.
	await page.getByLabel('1-meting najaar 2026', { exact: true }).check();
	await page.getByLabel('Takenprofiel van het wijkteam (versie 1)', { exact: true }).check();
	await page.getByRole('button', { name: 'Sessie aanmaken' }).click();
	await expect(page.getByText('De sessie is nog niet geopend.', { exact: false })).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByRole('button', { name: 'Sessie openen' }).click();
	const code = (await page.locator('.join-code').textContent())!.replace(/\s/g, '');
	expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
	await expect(page.getByRole('img', { name: /QR-code/ })).toBeVisible();
	await expectNoAxeViolations(page);

	// Five team members answer at the same time; the live counts follow without a reload.
	await Promise.all(
		['Doen we volledig', 'Doen we deels', 'Doen we volledig', 'Doen we niet', 'Doen we deels'].map(
			(label) => respond(browser, code, label)
		)
	);
	await expect(page.getByText('5 verstuurd')).toBeVisible({ timeout: 10_000 });

	await page.getByRole('button', { name: 'Sessie sluiten' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'De sessie is gesloten.' })
	).toBeVisible();
	await page.getByRole('link', { name: 'Naar de uitkomsten' }).click();
	// Loading the page showed nothing yet and locked nothing: showing is an explicit act.
	await expect(page.getByText('Daarna kan de sessie niet meer open')).toBeVisible();
	await expect(page.getByRole('img', { name: /Radardiagram/ })).toHaveCount(0);
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Uitkomsten tonen' }).click();

	// The radar, its table, the summary and the agenda.
	await expect(page.getByRole('img', { name: /Radardiagram/ })).toBeVisible();
	const table = page.getByRole('table', { name: /Cijfers per onderwerp/ });
	await expect(table.getByRole('row')).toHaveCount(5);
	await expect(table.getByRole('row', { name: /Preventie en signaleren/ })).toContainText('2,2');
	await expect(page.getByText('daar begint het gesprek', { exact: false })).toBeVisible();
	await expect(page.getByRole('table', { name: /Stellingen/ })).toBeVisible();
	// The takenprofiel beside the national reference percentages it carries.
	const tasks = page.getByRole('table', { name: /Takenprofiel naast het landelijke beeld/ });
	await expect(tasks.getByRole('row', { name: /lichte|ambulant/i }).first()).toContainText('%');
	await expect(tasks).toContainText('79,6%');
	await expectNoAxeViolations(page);

	// The team's conclusion and a verbeteractie.
	const conclusion = page.locator('form.conclusion').first();
	await conclusion.getByLabel('Wat gaat goed?').fill('We weten elkaar te vinden.');
	await conclusion.getByRole('button', { name: 'Conclusie opslaan' }).click();
	await expect(page.locator('form.conclusion').first().getByLabel('Wat gaat goed?')).toHaveValue(
		'We weten elkaar te vinden.'
	);
	const action = page.locator('form.new-action');
	await action.getByLabel('Preventie en signaleren', { exact: true }).check();
	await action.getByLabel('Wat gaat het team doen?').fill('Elke maand een spreekuur op school');
	await action.getByLabel('Wie zorgt ervoor?').fill('Fatima');
	await action.getByRole('button', { name: 'Verbeteractie toevoegen' }).click();
	await expect(page.getByText('Elke maand een spreekuur op school')).toBeVisible();

	// A session whose results were shown cannot be reopened.
	await page.getByRole('link', { name: 'Terug naar de sessie' }).click();
	await expect(page.getByRole('button', { name: 'Sessie weer openen' })).toHaveCount(0);

	// The next session of the same team and questionnaire brings the verbeteractie back.
	await page.getByRole('link', { name: teamName }).click();
	await page.getByLabel('1-meting najaar 2026', { exact: true }).check();
	await page.getByLabel('Takenprofiel van het wijkteam (versie 1)', { exact: true }).check();
	await page.getByRole('button', { name: 'Sessie aanmaken' }).click();
	await page.goto(page.url() + '/resultaten');
	await expect(
		page.getByRole('heading', { name: /Verbeteracties uit de vorige ronde/ })
	).toBeVisible();
	await expect(page.getByText('Elke maand een spreekuur op school')).toBeVisible();
	await page.getByRole('button', { name: 'Overnemen in deze ronde' }).click();
	await expect(page.getByText('Al overgenomen in deze sessie.')).toBeVisible();
	await expectNoAxeViolations(page);
});

test('a beheerder adds a facilitator who activates the account with the invitation link', async ({
	page,
	browser
}) => {
	await login(page, { email: 'beheer@example.nl', password: 'e2e-beheer-wachtwoord' });
	await page.getByRole('link', { name: 'Gebruikers' }).click();
	await expectNoAxeViolations(page);
	const email = `nieuw-${Date.now()}@example.nl`;
	await page.getByLabel('Naam', { exact: true }).fill('Nieuwe Begeleider');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Rol').selectOption('facilitator');
	await page.getByLabel('Hoort bij').selectOption({ label: 'Gemeente Voorbeeldstad' });
	await page.getByRole('button', { name: 'Toevoegen en uitnodigingslink maken' }).click();
	const link = await page.getByLabel('Uitnodigingslink', { exact: true }).inputValue();
	expect(link).toMatch(/\/uitnodiging\/[\w-]{40,}$/);

	const context = await browser.newContext();
	const invited = await context.newPage();
	await invited.goto(link);
	await expectNoAxeViolations(invited);
	await invited.getByLabel('Nieuw wachtwoord', { exact: true }).fill('kort');
	await invited.getByLabel('Nieuw wachtwoord nog een keer').fill('kort');
	await invited.getByRole('button', { name: 'Wachtwoord opslaan en inloggen' }).click();
	await expect(invited.getByText('minstens 12 tekens', { exact: false }).first()).toBeVisible();
	await invited.getByLabel('Nieuw wachtwoord', { exact: true }).fill('een zin van vijf woorden');
	await invited.getByLabel('Nieuw wachtwoord nog een keer').fill('een zin van vijf woorden');
	await invited.getByRole('button', { name: 'Wachtwoord opslaan en inloggen' }).click();
	await expect(invited).toHaveURL('/beheer');
	await expect(invited.getByRole('link', { name: 'Voorbeeldstad' })).toBeVisible();

	// The link works once.
	await invited.goto(link);
	await expect(invited.getByText('Deze uitnodiging is verlopen of al gebruikt.')).toBeVisible();
	await context.close();
});

test('logging in is refused with a wrong password and slowed down after repeated failures', async ({
	browser
}) => {
	const context = await browser.newContext({
		extraHTTPHeaders: { 'x-e2e-client': 'e2e-login-guesser' }
	});
	const page = await context.newPage();
	for (let i = 0; i < 5; i++) {
		await page.goto('/inloggen');
		// An address no other test logs in with: the lock-out lasts 15 minutes.
		await page.getByLabel('E-mailadres').fill('geraden@example.nl');
		await page.getByLabel('Wachtwoord').fill(`fout-${i}`);
		await page.getByRole('button', { name: 'Inloggen' }).click();
		await expect(
			page.getByText('Het e-mailadres of het wachtwoord klopt niet.').first()
		).toBeVisible();
		// The address stays filled in, so only the password needs typing again.
		await expect(page.getByLabel('E-mailadres')).toHaveValue('geraden@example.nl');
	}
	await page.getByLabel('Wachtwoord').fill('een-lang-test-wachtwoord');
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.getByText('Te veel mislukte pogingen', { exact: false }).first()).toBeVisible();
	await context.close();
});
