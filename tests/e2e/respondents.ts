import { expect, request } from '@playwright/test';
import { ensureFixture } from './accounts';
import { readDatabase, writeDatabase } from './support';

/**
 * Sessions of their own for tests that need a team to respond: an open session in a round and team
 * of its own, and team members who answer as browsers without JavaScript would.
 */

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** Client addresses of their own per run: the rate limits remember earlier runs' clients. */
export const run = Math.random().toString(36).slice(2, 8);
export const randomCode = () =>
	Array.from({ length: 6 }, () => ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join('');

/**
 * An open basisfuncties session of a team of its own in gemeente A, in a round of its own, so other
 * tests that count gemeente A's demo sessions do not see it. Returns its id and code.
 */
export function openSession(roundName: string, minRespondents = 5) {
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
				"SELECT id FROM questionnaire_versions WHERE questionnaire_id = 'basisfuncties' ORDER BY version LIMIT 1"
			)
			.pluck()
			.get();
		const team = db
			.prepare("INSERT INTO teams (gemeente_id, name, tasks, created_at) VALUES (?, ?, '[]', ?)")
			.run(fixture.gemeenteA, `Zz-team ${roundLabel}`, now).lastInsertRowid;
		const id = db
			.prepare(
				"INSERT INTO sessions (team_id, meetronde_id, questionnaire_version_id, join_code, status, min_respondents, opened_at, created_at) VALUES (?, ?, ?, ?, 'open', ?, ?, ?)"
			)
			.run(team, round, version, code, minRespondents, now, now).lastInsertRowid;
		return { id: Number(id), code, round: Number(round), roundName: roundLabel };
	});
}

export function dimensionsOf(
	sessionId: number
): { id: string; title: string; items: { id: string }[] }[] {
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

/**
 * One team member answers the whole questionnaire as a browser without JavaScript would, from an
 * address of its own. `answer` gives the value per dimension and statement ('weet-niet' allowed).
 */
export async function respond(
	baseURL: string,
	code: string,
	client: string,
	dimensions: { id: string; items: { id: string }[] }[],
	answer: (dimensionIndex: number) => string,
	comment = ''
) {
	const context = await request.newContext({
		baseURL,
		extraHTTPHeaders: { 'x-e2e-client': client, origin: baseURL, accept: 'text/html' }
	});
	expect((await context.post(`/s/${code}?/start`, { form: {}, maxRedirects: 0 })).status()).toBe(
		303
	);
	for (const [index, dimension] of dimensions.entries()) {
		const form: Record<string, string> = { naar: 'volgende' };
		for (const item of dimension.items) form[`antwoord-${item.id}`] = answer(index);
		if (index === 0 && comment) form[`opmerking-${dimension.id}`] = comment;
		const saved = await context.post(`/s/${code}/${index + 1}`, { form, maxRedirects: 0 });
		expect(saved.status()).toBe(303);
	}
	expect(
		(await context.post(`/s/${code}/controleren`, { form: {}, maxRedirects: 0 })).status()
	).toBe(303);
	await context.dispose();
}
