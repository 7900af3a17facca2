import { expect, request, test } from '@playwright/test';
import { ensureFixture, FACILITATOR_A } from './accounts';
import { cutSelects } from './legibility';
import { dimensionsOf, openSession, respond, run } from './respondents';
import { login } from './support';
import { tour, type Tourist } from './tour';

// A screenshot of every page each kind of user meets, on a phone, a laptop and a beamer, to look at
// by eye (test-results/screenshots/, not committed). Checked here: each page renders, none is
// wider than the screen and no select cuts off an option.
const SIZES = [
	{ name: 'telefoon-390x844', width: 390, height: 844 },
	{ name: 'laptop-1366x768', width: 1366, height: 768 },
	{ name: 'beamer-1920x1080', width: 1920, height: 1080 }
];

for (const size of SIZES) {
	for (const who of ['teamlid', 'beheerder', 'begeleider', 'gemeente'] as Tourist[]) {
		test(`screenshots at ${size.name} as ${who}`, async ({ page }) => {
			test.setTimeout(180_000);
			ensureFixture();
			await page.setViewportSize({ width: size.width, height: size.height });
			let n = 0;
			const wide: string[] = [];
			const cut: string[] = [];
			await tour(page, who, async (path) => {
				await expect(page.locator('h1').first()).toBeVisible();
				const slug = path.replace(/^\//, '').replace(/[^a-z0-9]+/gi, '-') || 'home';
				// Nothing sticks out sideways: on a phone the page must not need sideways scrolling.
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth
				);
				if (overflow > 0) wide.push(`${path}: ${overflow}px`);
				// A select cannot wrap: its longest option must fit the closed box.
				// Teams that other tests make in parallel carry long made-up names: not the demo's.
				for (const c of (await cutSelects(page)).filter((c) => !/E2E|Fuzz/.test(c.option))) {
					cut.push(`${path} #${c.select}: "${c.option}" (${c.short}px te breed)`);
				}
				await page.screenshot({
					path: `test-results/screenshots/${size.name}/${who}/${String(++n).padStart(2, '0')}-${slug}.png`,
					fullPage: true
				});
			});
			expect(n).toBeGreaterThan(4);
			expect(wide).toEqual([]);
			expect(cut).toEqual([]);
		});
	}
}

// Screens that only show in a certain state of a session: people still busy and vragenlijsten sent
// too fast (session page), the close confirmation, the results before they are shown, and after:
// comments with their hide buttons and cells with "te weinig scores".
test('screenshots of a session from busy to shown, at every size', async ({ page, baseURL }) => {
	test.setTimeout(180_000);
	const session = openSession('Schermafdrukken');
	const dimensions = dimensionsOf(session.id);
	for (let n = 1; n <= 5; n++) {
		// Three of five say "weet ik niet" on the first topic: too few scores to show a figure there.
		await respond(
			baseURL!,
			session.code,
			`schermafdruk-${n}-${run}`,
			dimensions,
			(d) => (d === 0 && n <= 3 ? 'weet-niet' : String(1 + ((n + d) % 5))),
			n <= 2 ? `Opmerking ${n}: we willen vaker samen met ouders het plan maken.` : ''
		);
	}
	// One more has begun and not sent: "nog bezig", so closing asks to confirm.
	const busy = await request.newContext({
		baseURL,
		extraHTTPHeaders: {
			'x-e2e-client': `schermafdruk-bezig-${run}`,
			origin: baseURL!,
			accept: 'text/html'
		}
	});
	await busy.post(`/s/${session.code}?/start`, { form: {}, maxRedirects: 0 });
	await busy.post(`/s/${session.code}/1`, {
		form: { naar: 'volgende', [`antwoord-${dimensions[0].items[0].id}`]: '3' },
		maxRedirects: 0
	});
	await busy.dispose();

	const wide: string[] = [];
	const shoot = async (name: string) => {
		for (const size of SIZES) {
			await page.setViewportSize({ width: size.width, height: size.height });
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			if (overflow > 0) {
				// Name the widest element, to find what sticks out.
				const culprit = await page.evaluate(() => {
					const width = document.documentElement.clientWidth;
					const out = [...document.querySelectorAll('body *')].filter(
						(e) => e.getBoundingClientRect().right > width + 0.5
					);
					const e = out[out.length - 1];
					return e ? `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}` : '?';
				});
				wide.push(`${name} at ${size.name}: ${overflow}px (${culprit})`);
			}
			await page.screenshot({
				path: `test-results/screenshots/${size.name}/sessie/${name}.png`,
				fullPage: true
			});
		}
	};
	await login(page, FACILITATOR_A);
	await page.goto(`/beheer/sessies/${session.id}`);
	await expect(page.getByText('heel snel verstuurd', { exact: false })).toBeVisible();
	await shoot('1-open-snel-verstuurd');
	await page.getByRole('button', { name: 'Sessie sluiten' }).click();
	await expect(page.getByRole('heading', { name: 'Sessie echt sluiten?' })).toBeVisible();
	// One question, two answers: no second close button beside it.
	await expect(page.getByRole('button', { name: 'Sessie sluiten', exact: true })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Nee, nog open laten' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Naar de uitkomsten' })).toHaveCount(0);
	await shoot('2-sluiten-bevestigen');
	await page.getByRole('button', { name: 'Ja, sessie sluiten' }).click();
	await page.goto(`/beheer/sessies/${session.id}/resultaten`);
	await expect(page.getByRole('button', { name: 'Uitkomsten tonen' })).toBeVisible();
	await shoot('3-uitkomsten-nog-niet-getoond');
	await page.getByRole('button', { name: 'Uitkomsten tonen' }).click();
	await expect(page.getByRole('table', { name: /Cijfers per onderwerp/ })).toBeVisible();
	await expect(page.getByText('te weinig scores').first()).toBeVisible();
	await expect(
		page.getByRole('button', { name: /^Verbergen \(opmerking "Opmerking 1: we willen/ })
	).toBeVisible();
	await shoot('4-uitkomsten-getoond');
	await page.getByText('Hoe lees je het diagram en de tabel?').click();
	await shoot('5-hoe-lees-je-dit');

	// A team member's page with the explanation of a difficult word opened.
	const member = openSession('Schermafdrukken woorden');
	await page.goto(`/s/${member.code}`);
	await page.getByRole('button', { name: 'Beginnen' }).click();
	await expect(page).toHaveURL(new RegExp(`/s/${member.code}/1$`));
	for (let step = 1; (await page.locator('details.glossary').count()) === 0; step++) {
		await page.goto(`/s/${member.code}/${step + 1}`);
	}
	await page.locator('details.glossary summary').first().click();
	await shoot('6-teamlid-woord-uitgelegd');
	expect(wide).toEqual([]);
});
