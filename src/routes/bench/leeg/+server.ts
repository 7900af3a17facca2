// Reference for `npm run bench`: a SvelteKit request that reads the same form body as a
// respondent's save and does no database work at all, so the bench can show what share of the
// framework's own rate the durable save keeps. Inert unless WIJKSPIEGEL_BENCH=1.
import { error, json } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import type { RequestHandler } from './$types';

function enabled(): boolean {
	return env.WIJKSPIEGEL_BENCH === '1';
}

/** POST /bench/leeg: parses the form and answers how many fields it held. */
export const POST: RequestHandler = async ({ request }) => {
	if (!enabled()) error(404, 'Not Found');
	const form = await request.formData();
	return json({ ok: true, fields: [...form.keys()].length });
};

/** Other methods: 404 as well when disabled, so production does not reveal the route. */
export const fallback: RequestHandler = () => {
	if (!enabled()) error(404, 'Not Found');
	error(405, 'Alleen POST');
};
