import { expect, request, test, type APIRequestContext } from '@playwright/test';
import {
	BEHEERDER,
	ensureFixture,
	FACILITATOR_A,
	FACILITATOR_B,
	FACILITATOR_L,
	VIEWER_A,
	type Fixture
} from './accounts';

const BASE = `http://localhost:${process.env.E2E_PORT ?? 4173}`;
type Actor =
	| 'anoniem'
	| 'deelnemer'
	| 'begeleiderA'
	| 'begeleiderB'
	| 'begeleiderL'
	| 'gemeenteA'
	| 'beheerder';
type Outcome = 200 | 403 | 'login';

let fixture: Fixture;
const contexts = new Map<Actor, APIRequestContext>();

async function signedIn(account: { email: string; password: string }, client: string) {
	const context = await request.newContext({
		baseURL: BASE,
		extraHTTPHeaders: { 'x-e2e-client': client, origin: BASE, accept: 'text/html' }
	});
	const response = await context.post('/inloggen', {
		form: account,
		maxRedirects: 0
	});
	expect(response.status(), `login of ${account.email}`).toBe(303);
	return context;
}

test.beforeAll(async () => {
	fixture = ensureFixture();
	const anonymous = await request.newContext({
		baseURL: BASE,
		extraHTTPHeaders: { 'x-e2e-client': 'matrix-anon', origin: BASE }
	});
	const respondent = await request.newContext({
		baseURL: BASE,
		extraHTTPHeaders: { 'x-e2e-client': 'matrix-resp', origin: BASE, accept: 'text/html' }
	});
	await respondent.post('/s/DEMO26?/start', { form: {}, maxRedirects: 0 });
	contexts.set('anoniem', anonymous);
	contexts.set('deelnemer', respondent);
	contexts.set('begeleiderA', await signedIn(FACILITATOR_A, 'matrix-fa'));
	contexts.set('begeleiderB', await signedIn(FACILITATOR_B, 'matrix-fb'));
	contexts.set('begeleiderL', await signedIn(FACILITATOR_L, 'matrix-fl'));
	contexts.set('gemeenteA', await signedIn(VIEWER_A, 'matrix-va'));
	contexts.set('beheerder', await signedIn(BEHEERDER, 'matrix-b'));
});

test.afterAll(async () => {
	for (const context of contexts.values()) await context.dispose();
});

/** Every page of the workspace against every kind of visitor: who gets it, who is refused. */
const pages: { path: (f: Fixture) => string; allowed: Actor[] }[] = [
	{
		path: () => '/beheer',
		allowed: ['begeleiderA', 'begeleiderB', 'begeleiderL', 'gemeenteA', 'beheerder']
	},
	{
		path: () => '/beheer/account',
		allowed: ['begeleiderA', 'begeleiderB', 'begeleiderL', 'gemeenteA', 'beheerder']
	},
	{ path: () => '/beheer/gebruikers', allowed: ['beheerder'] },
	{
		path: (f) => `/beheer/gemeenten/${f.gemeenteA}`,
		allowed: ['begeleiderA', 'gemeenteA', 'beheerder']
	},
	{ path: (f) => `/beheer/gemeenten/${f.gemeenteB}`, allowed: ['begeleiderB', 'beheerder'] },
	// Team A takes part in the leerbeweging: its facilitator works with the team (W6).
	{ path: (f) => `/beheer/teams/${f.teamA}`, allowed: ['begeleiderA', 'begeleiderL', 'beheerder'] },
	{
		path: (f) => `/beheer/sessies/${f.leerbewegingSessionA}`,
		allowed: ['begeleiderA', 'begeleiderL', 'beheerder']
	},
	{ path: (f) => `/beheer/teams/${f.teamB}`, allowed: ['begeleiderB', 'beheerder'] },
	{ path: (f) => `/beheer/sessies/${f.closedSessionA}`, allowed: ['begeleiderA', 'beheerder'] },
	{
		path: (f) => `/beheer/sessies/${f.closedSessionA}/resultaten`,
		allowed: ['begeleiderA', 'gemeenteA', 'beheerder']
	},
	{
		path: (f) => `/beheer/sessies/${f.closedSessionA}/qr.svg`,
		allowed: ['begeleiderA', 'beheerder']
	},
	{
		path: (f) => `/beheer/sessies/${f.closedSessionA}/aantallen`,
		allowed: ['begeleiderA', 'beheerder']
	},
	{ path: (f) => `/beheer/sessies/${f.sessionB}`, allowed: ['begeleiderB', 'beheerder'] },
	{
		path: (f) => `/beheer/leerbewegingen/${f.leerbeweging}`,
		allowed: ['begeleiderL', 'beheerder']
	},
	{ path: (f) => `/beheer/meetrondes/${f.roundA}`, allowed: ['begeleiderA', 'beheerder'] },
	{
		path: (f) => `/beheer/vergelijken?bron=gemeente-${f.gemeenteA}`,
		allowed: ['begeleiderA', 'gemeenteA', 'beheerder']
	},
	{
		path: (f) => `/beheer/sessies/${f.closedSessionA}/csv`,
		allowed: ['begeleiderA', 'gemeenteA', 'beheerder']
	},
	{
		path: (f) => `/beheer/sessies/${f.closedSessionA}/xlsx`,
		allowed: ['begeleiderA', 'gemeenteA', 'beheerder']
	},
	{
		path: (f) => `/beheer/vergelijken/csv?bron=gemeente-${f.gemeenteA}&omvang=alles`,
		allowed: ['begeleiderA', 'gemeenteA', 'beheerder']
	},
	{
		path: (f) => `/beheer/vergelijken/xlsx?bron=gemeente-${f.gemeenteA}&omvang=alles`,
		allowed: ['begeleiderA', 'gemeenteA', 'beheerder']
	},
	{ path: (f) => `/beheer/export?gemeente=${f.gemeenteA}`, allowed: ['beheerder'] },
	{ path: () => '/beheer/logboek', allowed: ['beheerder'] },
	{
		path: (f) => `/beheer/sessies/${f.closedSessionA}/presentatie/stemming`,
		allowed: ['begeleiderA', 'beheerder']
	}
];

const actors: Actor[] = [
	'anoniem',
	'deelnemer',
	'begeleiderA',
	'begeleiderB',
	'begeleiderL',
	'gemeenteA',
	'beheerder'
];

function expected(actor: Actor, allowed: Actor[]): Outcome {
	if (allowed.includes(actor)) return 200;
	return actor === 'anoniem' || actor === 'deelnemer' ? 'login' : 403;
}

for (const { path, allowed } of pages) {
	test(`access to ${path({
		gemeenteA: 1,
		gemeenteB: 2,
		teamA: 3,
		teamB: 4,
		closedSessionA: 5,
		sessionB: 6,
		leerbeweging: 7,
		roundA: 11,
		leerbewegingSessionA: 12,
		fuzz: { gemeente: 8, team: 9, session: 10 }
	}).replace(/\d+/g, 'N')} (${allowed.join(', ')})`, async () => {
		const outcomes: Record<string, Outcome | number> = {};
		const wanted: Record<string, Outcome> = {};
		for (const actor of actors) {
			const response = await contexts.get(actor)!.get(path(fixture), { maxRedirects: 0 });
			const status = response.status();
			outcomes[actor] =
				status === 303 && (response.headers().location ?? '').startsWith('/inloggen')
					? 'login'
					: status;
			wanted[actor] = expected(actor, allowed);
		}
		expect(outcomes).toEqual(wanted);
	});
}

test('form actions check access too: another gemeente cannot open, close or delete a session', async () => {
	const other = contexts.get('begeleiderB')!;
	for (const action of ['openen', 'sluiten', 'heropenen', 'verwijderen']) {
		const response = await other.post(`/beheer/sessies/${fixture.closedSessionA}?/${action}`, {
			form: { confirm: 'x' },
			maxRedirects: 0
		});
		expect(response.status(), action).toBe(403);
	}
	const viewer = contexts.get('gemeenteA')!;
	const response = await viewer.post(
		`/beheer/sessies/${fixture.closedSessionA}/resultaten?/actie`,
		{
			form: { dimensionId: 'x', what: 'Iets', status: 'open' },
			maxRedirects: 0
		}
	);
	expect(response.status()).toBe(403);
});

test('a gemeente-viewer sees figures and conclusions but never the comments', async () => {
	const asViewer = await contexts
		.get('gemeenteA')!
		.get(`/beheer/sessies/${fixture.closedSessionA}/resultaten`);
	const asFacilitator = await contexts
		.get('begeleiderA')!
		.get(`/beheer/sessies/${fixture.closedSessionA}/resultaten`);
	const viewerHtml = await asViewer.text();
	expect(viewerHtml).toContain('Cijfers per onderwerp');
	expect(viewerHtml).not.toContain('Opmerkingen van teamleden');
	expect(await asFacilitator.text()).toContain('Opmerkingen van teamleden');
});

test("a leerbeweging's facilitator cannot rename or delete the gemeente's team, nor start a session in its rounds (W6)", async () => {
	const leerbeweging = contexts.get('begeleiderL')!;
	for (const action of ['verwijderen', 'profiel']) {
		const response = await leerbeweging.post(`/beheer/teams/${fixture.teamA}?/${action}`, {
			form: { confirm: 'Wijkteam Noord', name: 'Overgenomen' },
			maxRedirects: 0
		});
		expect(response.status(), action).toBe(403);
	}
	const response = await leerbeweging.post(`/beheer/teams/${fixture.teamA}?/sessie`, {
		form: { meetrondeId: String(fixture.roundA), questionnaireVersionId: '1', minRespondents: '5' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(400);
	expect(await response.text()).toContain('Kies een meetronde van de gemeente of leerbeweging');
	const teamPage = await (await leerbeweging.get(`/beheer/teams/${fixture.teamA}`)).text();
	expect(teamPage).not.toContain('Definitief verwijderen');
	expect(teamPage).not.toContain(`/beheer/sessies/${fixture.closedSessionA}"`);
	// Comments of the gemeente's own round: refused with the whole results page.
	const results = await leerbeweging.get(`/beheer/sessies/${fixture.closedSessionA}/resultaten`);
	expect(results.status()).toBe(403);
});
