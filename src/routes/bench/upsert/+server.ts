// Reference for `npm run bench`: the smallest SvelteKit request that does the same database
// write as a respondent's save (one upsert of one answer row). Inert unless WIJKSPIEGEL_BENCH=1.
import { error, json } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { getDb } from '$lib/server/app';
import { answers } from '$lib/server/db/schema';
import type { RequestHandler } from './$types';

function enabled(): boolean {
	return env.WIJKSPIEGEL_BENCH === '1';
}

/** POST /bench/upsert?response=ID[&item=ID][&value=1-3] */
export const POST: RequestHandler = ({ url }) => {
	if (!enabled()) error(404, 'Not Found');
	const responseId = Number(url.searchParams.get('response'));
	const itemId = url.searchParams.get('item') || 'bench-1';
	const value = Number(url.searchParams.get('value') || 1 + Math.floor(Math.random() * 3));
	if (!Number.isInteger(responseId) || responseId < 1 || !Number.isInteger(value)) {
		error(400, 'response en value moeten gehele getallen zijn');
	}
	getDb()
		.insert(answers)
		.values({ responseId, itemId, value, dontKnow: false, flagged: false })
		.onConflictDoUpdate({
			target: [answers.responseId, answers.itemId],
			set: { value, dontKnow: false, flagged: false }
		})
		.run();
	return json({ ok: true });
};

/** Other methods: 404 as well when disabled, so production does not reveal the route. */
export const fallback: RequestHandler = () => {
	if (!enabled()) error(404, 'Not Found');
	error(405, 'Alleen POST');
};
