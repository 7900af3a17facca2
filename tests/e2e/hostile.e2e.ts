import { expect, request, test, type APIRequestContext } from '@playwright/test';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { BEHEERDER, ensureFixture, FUZZER, type Fixture } from './accounts';
import { readDatabase } from './support';

const BASE = `http://localhost:${process.env.E2E_PORT ?? 4173}`;

/** Field values people and attackers send: empty, huge, odd unicode, numbers, markup, SQL. */
const value = fc.oneof(
	fc.string(),
	fc.string({ unit: 'grapheme', maxLength: 50 }),
	fc.constantFrom(
		'',
		' ',
		'0',
		'-1',
		'1e309',
		'NaN',
		'null',
		'<script>alert(1)</script>',
		"' OR 1=1 --",
		'weet-niet',
		'on'
	),
	fc.integer().map(String),
	fc.string({ minLength: 2000, maxLength: 5000 })
);

function form(names: fc.Arbitrary<string>) {
	return fc.dictionary(names, value, { maxKeys: 8 });
}

let fixture: Fixture;
let facilitator: APIRequestContext;
let respondent: APIRequestContext;
let responseId: number;

test.beforeAll(async () => {
	fixture = ensureFixture();
	const headers = { origin: BASE, accept: 'text/html' };
	respondent = await request.newContext({
		baseURL: BASE,
		extraHTTPHeaders: { ...headers, 'x-e2e-client': 'fuzz-respondent' }
	});
	await respondent.post('/s/DEMO26?/start', { form: {}, maxRedirects: 0 });
	const token = (await respondent.storageState()).cookies.find(
		(c) => c.name === 'wijkspiegel_deelnemer'
	)!.value;
	responseId = readDatabase(
		(db) =>
			db
				.prepare('SELECT id FROM responses WHERE token_hash = ?')
				.pluck()
				.get(createHash('sha256').update(token).digest('hex')) as number
	);
	facilitator = await request.newContext({
		baseURL: BASE,
		extraHTTPHeaders: { ...headers, 'x-e2e-client': 'fuzz-facilitator' }
	});
	expect((await facilitator.post('/inloggen', { form: FUZZER, maxRedirects: 0 })).status()).toBe(
		303
	);
});

test.afterAll(async () => {
	await respondent.dispose();
	await facilitator.dispose();
});

/** This respondent's answers and comments: other tests save answers at the same time. */
const stored = () =>
	readDatabase(
		(db) =>
			(db
				.prepare('SELECT count(*) FROM answers WHERE response_id = ?')
				.pluck()
				.get(responseId) as number) +
			(db
				.prepare('SELECT count(*) FROM comments WHERE response_id = ?')
				.pluck()
				.get(responseId) as number)
	);

/** Fuzzstad's rows: only these tests write there, so a change must come from a fuzzed request. */
const fuzzRows = () =>
	readDatabase((db) =>
		[
			'SELECT count(*) FROM teams WHERE gemeente_id = ?',
			'SELECT count(*) FROM meetrondes WHERE gemeente_id = ?',
			'SELECT count(*) FROM sessions WHERE team_id IN (SELECT id FROM teams WHERE gemeente_id = ?)',
			'SELECT count(*) FROM improvement_actions WHERE session_id IN (SELECT s.id FROM sessions s JOIN teams t ON t.id = s.team_id WHERE t.gemeente_id = ?)'
		].map((query) => db.prepare(query).pluck().get(fixture.fuzz.gemeente) as number)
	);

test('random and adversarial answers never cause a server error, and a refused save stores nothing', async () => {
	const names = fc.oneof(
		fc.constantFrom(
			'antwoord-ps-1',
			'antwoord-ps-2',
			'praten-ps-1',
			'opmerking-preventie-signaleren',
			'antwoord-oh-1',
			'naar'
		),
		fc.string({ maxLength: 30 })
	);
	await fc.assert(
		fc.asyncProperty(form(names), async (fields) => {
			const before = stored();
			const response = await respondent.post('/s/DEMO26/1', { form: fields, maxRedirects: 0 });
			expect(response.status()).toBeLessThan(500);
			if (response.status() === 400) {
				expect(await response.text()).toContain('Je antwoorden zijn niet opgeslagen');
				expect(stored()).toBe(before);
			}
		}),
		{ numRuns: 60 }
	);
});

test('random codes at /join never cause a server error and always get a Dutch message', async () => {
	const guesser = await request.newContext({
		baseURL: BASE,
		extraHTTPHeaders: { origin: BASE, accept: 'text/html', 'x-e2e-client': 'fuzz-join' }
	});
	await fc.assert(
		fc.asyncProperty(form(fc.constantFrom('code', 'x', 'naar')), async (fields) => {
			const response = await guesser.post('/join', { form: fields, maxRedirects: 0 });
			expect(response.status()).toBeLessThan(500);
			if (response.status() >= 400) expect(await response.text()).toMatch(/code|Code/);
		}),
		{ numRuns: 40 }
	);
	await guesser.dispose();
});

test('random management forms never cause a server error and a refused one stores nothing', async () => {
	const targets = [
		`/beheer/gemeenten/${fixture.fuzz.gemeente}?/team`,
		`/beheer/gemeenten/${fixture.fuzz.gemeente}?/meetronde`,
		`/beheer/teams/${fixture.fuzz.team}?/sessie`,
		`/beheer/teams/${fixture.fuzz.team}?/profiel`,
		`/beheer/sessies/${fixture.fuzz.session}/resultaten?/actie`,
		`/beheer/sessies/${fixture.fuzz.session}/resultaten?/status`,
		`/beheer/sessies/${fixture.fuzz.session}/resultaten?/conclusie`,
		`/beheer/sessies/${fixture.fuzz.session}/resultaten?/overnemen`,
		`/beheer/sessies/${fixture.fuzz.session}/resultaten?/wijzigen`,
		`/beheer/sessies/${fixture.fuzz.session}/resultaten?/verwijderen`,
		`/beheer/sessies/${fixture.fuzz.session}?/minimum`,
		`/beheer/sessies/${fixture.fuzz.session}?/openen`,
		`/beheer/sessies/${fixture.fuzz.session}?/sluiten`,
		`/beheer/sessies/${fixture.fuzz.session}?/heropenen`,
		'/beheer/account?/wachtwoord',
		'/beheer/account?/tweestapAan',
		'/beheer/account?/tweestapUit',
		'/beheer/account?/herstelcodes'
	];
	const names = fc.oneof(
		fc.constantFrom(
			'name',
			'tasks',
			'composition',
			'legalForm',
			'startsOn',
			'endsOn',
			'meetrondeId',
			'questionnaireVersionId',
			'minRespondents',
			'dimensionId',
			'what',
			'status',
			'actionId',
			'goesWell',
			'canImprove',
			'current',
			'password',
			'confirm',
			'secret',
			'code',
			// Found by this test: a "__proto__" field made SvelteKit's serialiser throw (a 500).
			'__proto__',
			'constructor'
		),
		fc.string({ maxLength: 20 })
	);
	await fc.assert(
		fc.asyncProperty(fc.constantFrom(...targets), form(names), async (target, fields) => {
			const before = fuzzRows();
			const response = await facilitator.post(target, { form: fields, maxRedirects: 0 });
			expect(response.status()).toBeLessThan(500);
			if (response.status() === 400) {
				expect(fuzzRows()).toEqual(before);
			}
		}),
		{ numRuns: 60 }
	);
});

test('a form post without the site as origin is refused before anything happens', async () => {
	const stranger = await request.newContext({
		baseURL: BASE,
		extraHTTPHeaders: { origin: 'https://elders.example', accept: 'text/html' }
	});
	const response = await stranger.post('/join', { form: { code: 'DEMO26' }, maxRedirects: 0 });
	expect(response.status()).toBe(403);
	await stranger.dispose();
});

test('an oversized request is refused early', async () => {
	const response = await respondent.post('/s/DEMO26/1', {
		form: { 'opmerking-preventie-signaleren': 'x'.repeat(1024 * 1024) },
		maxRedirects: 0
	});
	expect(response.status()).toBe(413);
});

test('random logins never cause a server error and never sign anyone in', async () => {
	const stranger = await request.newContext({
		baseURL: BASE,
		extraHTTPHeaders: { origin: BASE, accept: 'text/html', 'x-e2e-client': 'fuzz-login' }
	});
	await fc.assert(
		fc.asyncProperty(
			fc.constantFrom('/inloggen', '/inloggen/code'),
			form(fc.constantFrom('email', 'password', 'code', 'naar', 'x')),
			async (target, fields) => {
				const response = await stranger.post(target, { form: fields, maxRedirects: 0 });
				expect(response.status()).toBeLessThan(500);
				expect(response.status()).not.toBe(303);
			}
		),
		{ numRuns: 40 }
	);
	await stranger.dispose();
});

/** Rows only a beheerder's forms change: a refused form must leave every count as it was. */
const adminRows = () =>
	readDatabase((db) =>
		['users', 'gemeenten', 'leerbewegingen', 'invitations', 'memberships', 'teams'].map(
			(table) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
		)
	);

test('random beheerder forms never cause a server error and a refused one changes nothing', async () => {
	const beheerder = await request.newContext({
		baseURL: BASE,
		extraHTTPHeaders: { origin: BASE, accept: 'text/html', 'x-e2e-client': 'fuzz-beheerder' }
	});
	expect((await beheerder.post('/inloggen', { form: BEHEERDER, maxRedirects: 0 })).status()).toBe(
		303
	);
	// Users are removed with one click: fuzz their ids only with values that name nobody.
	const noUser = fc.constantFrom('0', '-1', 'abc', '999999', '1e3', '', ' 7', '2147483648');
	const userForms = fc.record({ userId: noUser }, { requiredKeys: [] });
	const names = fc.oneof(
		fc.constantFrom(
			'name',
			'email',
			'role',
			'scope',
			'description',
			'confirm',
			'teams',
			'__proto__'
		),
		fc.string({ maxLength: 20 })
	);
	const targets = fc.oneof(
		fc.tuple(
			fc.constantFrom(
				'/beheer?/gemeente',
				'/beheer?/leerbeweging',
				'/beheer/gebruikers?/toevoegen',
				`/beheer/gemeenten/${fixture.fuzz.gemeente}?/hernoemen`,
				`/beheer/gemeenten/${fixture.fuzz.gemeente}?/verwijderen`,
				`/beheer/teams/${fixture.fuzz.team}?/verwijderen`,
				'/beheer/leerbewegingen/999999?/verwijderen'
			),
			form(names)
		),
		fc.tuple(
			fc.constantFrom('/beheer/gebruikers?/uitnodigen', '/beheer/gebruikers?/verwijderen'),
			userForms
		)
	);
	await fc.assert(
		fc.asyncProperty(targets, async ([target, fields]) => {
			const before = adminRows();
			const response = await beheerder.post(target, { form: fields, maxRedirects: 0 });
			expect(response.status()).toBeLessThan(500);
			if (response.status() >= 400) expect(adminRows()).toEqual(before);
		}),
		{ numRuns: 60 }
	);
	await beheerder.dispose();
});

test('random invitation links and passwords never cause a server error and never sign anyone in', async () => {
	const stranger = await request.newContext({
		baseURL: BASE,
		extraHTTPHeaders: { origin: BASE, accept: 'text/html', 'x-e2e-client': 'fuzz-invitation' }
	});
	const token = fc.oneof(
		fc.stringMatching(/^[A-Za-z0-9_-]{1,80}$/),
		fc.constantFrom('x', '0', 'null', '%00', '..%2F..')
	);
	await fc.assert(
		fc.asyncProperty(
			token,
			form(fc.constantFrom('password', 'confirm', 'name', 'x')),
			async (t, fields) => {
				const response = await stranger.post(`/uitnodiging/${t}`, {
					form: fields,
					maxRedirects: 0
				});
				expect(response.status()).toBeLessThan(500);
				expect(response.status()).not.toBe(303);
				const cookies = (await stranger.storageState()).cookies;
				expect(cookies.some((c) => c.name === 'wijkspiegel_sessie')).toBe(false);
			}
		),
		{ numRuns: 40 }
	);
	await stranger.dispose();
});
