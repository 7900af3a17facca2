import * as sessions from './sessions';

/**
 * The short form of sessions.ts for tests where a team member gives one value per dimension and at
 * most one comment, on the first dimension.
 */
export { dimensionsOf, randomCode } from './sessions';

/** Client addresses of their own per run: the rate limits remember earlier runs' clients. */
export const run = Math.random().toString(36).slice(2, 8);

export const openSession = (roundName: string, minRespondents = 5) =>
	sessions.openSession(roundName, { minRespondents });

export function respond(
	baseURL: string,
	code: string,
	client: string,
	dimensions: sessions.Dimension[],
	answer: (dimensionIndex: number) => string,
	comment = ''
) {
	return sessions.respond(baseURL, code, client, dimensions, {
		value: (d) => answer(d),
		comment: (d) => (d === 0 ? comment : '')
	});
}
