import { getDb } from '$lib/server/app';
import { liveSessionView } from '$lib/server/live-counts';
import { presenterReveal } from '$lib/server/presenter';
import type { PageServerLoad } from './$types';

/**
 * The beamer: the join screen, then (once the results are released) the reveal, one step per
 * address (`?stap=3`). Only for whoever runs the session (the page skips beheer's layout).
 */
export const load: PageServerLoad = ({ locals, url, params }) => {
	const db = getDb();
	const view = liveSessionView(db, locals, url, params.id);
	return { ...view, ...presenterReveal(db, view.session, url.searchParams.get('stap')) };
};
