import { expect, request, type Page } from '@playwright/test';
import { ensureFixture } from './accounts';
import { readDatabase, writeDatabase } from './support';

/** Sessions filled by simulated team members, for journeys that need released results. */

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const randomCode = () =>
	Array.from({ length: 6 }, () => ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join('');

/**
 * An open basisfuncties session of a team of its own in gemeente A, in a round of its own, so other
 * tests that count gemeente A's demo sessions do not see it. Returns its id, code and round.
 */
export function openSession(
	roundName: string,
	options: { minRespondents?: number; version?: number } = {}
) {
	const fixture = ensureFixture();
	const code = randomCode();
	// The round's name must not contain the code: tests look for the code in pages.
	const roundLabel = `${roundName} ${Math.random().toString(36).slice(2, 8)}`;
	return writeDatabase((db) => {
		const now = Date.now();
		const round = db
			.prepare(
				"INSERT INTO meetrondes (name, starts_on, ends_on, gemeente_id, created_at) VALUES (?, '2027-01-01', '2027-02-01', ?, ?)"
			)
			.run(roundLabel, fixture.gemeenteA, now).lastInsertRowid;
		const version = db
			.prepare(
				options.version === undefined
					? "SELECT id FROM questionnaire_versions WHERE questionnaire_id = 'basisfuncties' ORDER BY version LIMIT 1"
					: "SELECT id FROM questionnaire_versions WHERE questionnaire_id = 'basisfuncties' AND version = ?"
			)
			.pluck()
			.get(...(options.version === undefined ? [] : [options.version]));
		const team = db
			.prepare("INSERT INTO teams (gemeente_id, name, tasks, created_at) VALUES (?, ?, '[]', ?)")
			.run(fixture.gemeenteA, `Zz-team E2E ${roundLabel}`, now).lastInsertRowid;
		const id = db
			.prepare(
				"INSERT INTO sessions (team_id, meetronde_id, questionnaire_version_id, join_code, status, min_respondents, opened_at, created_at) VALUES (?, ?, ?, ?, 'open', ?, ?, ?)"
			)
			.run(team, round, version, code, options.minRespondents ?? 5, now, now).lastInsertRowid;
		return { id: Number(id), code, round: Number(round), roundName: roundLabel };
	});
}

export interface Dimension {
	id: string;
	title: string;
	items: { id: string; statement: string }[];
	guide?: { questions: string[] };
}

/** The questionnaire of a session, as its definition is stored. */
export function dimensionsOf(sessionId: number): Dimension[] {
	return readDatabase((db) => {
		const definition = db
			.prepare(
				'SELECT q.definition FROM sessions s JOIN questionnaire_versions q ON q.id = s.questionnaire_version_id WHERE s.id = ?'
			)
			.pluck()
			.get(sessionId) as string;
		return JSON.parse(definition).dimensions;
	});
}

/** What one team member answers: a value per statement ('weet-niet' allowed), ticks, comments. */
export interface Answers {
	value: (dimensionIndex: number, itemIndex: number) => string;
	flag?: (dimensionIndex: number, itemIndex: number) => boolean;
	comment?: (dimensionIndex: number) => string;
}

/**
 * One team member answers the whole questionnaire as a browser without JavaScript would, from an
 * address of its own, and sends it.
 */
export async function respond(
	baseURL: string,
	code: string,
	client: string,
	dimensions: Dimension[],
	answers: Answers
) {
	const context = await request.newContext({
		baseURL,
		extraHTTPHeaders: { 'x-e2e-client': client, origin: baseURL, accept: 'text/html' }
	});
	expect((await context.post(`/s/${code}?/start`, { form: {}, maxRedirects: 0 })).status()).toBe(
		303
	);
	for (const [d, dimension] of dimensions.entries()) {
		const form: Record<string, string> = { naar: 'volgende' };
		for (const [i, item] of dimension.items.entries()) {
			form[`antwoord-${item.id}`] = answers.value(d, i);
			if (answers.flag?.(d, i)) form[`praten-${item.id}`] = 'on';
		}
		const comment = answers.comment?.(d) ?? '';
		if (comment) form[`opmerking-${dimension.id}`] = comment;
		const saved = await context.post(`/s/${code}/${d + 1}`, { form, maxRedirects: 0 });
		expect(saved.status()).toBe(303);
	}
	expect(
		(await context.post(`/s/${code}/controleren`, { form: {}, maxRedirects: 0 })).status()
	).toBe(303);
	await context.dispose();
}

/** Closes the session on its page and releases its results, as the facilitator does. */
export async function closeSession(page: Page, id: number) {
	await page.goto(`/beheer/sessies/${id}`);
	await page.getByRole('button', { name: 'Sessie sluiten' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'De sessie is gesloten.' })
	).toBeVisible();
}

export async function releaseResults(page: Page, id: number) {
	await page.goto(`/beheer/sessies/${id}/resultaten`);
	await page.getByRole('button', { name: 'Uitkomsten tonen' }).click();
	await expect(page.getByRole('table', { name: /Cijfers per onderwerp/ })).toBeVisible();
}
