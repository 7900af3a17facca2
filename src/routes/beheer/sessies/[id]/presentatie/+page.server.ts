import { getDb } from '$lib/server/app';
import * as conversation from '$lib/server/db/conversation';
import * as followUps from '$lib/server/db/follow-ups';
import { liveSessionView } from '$lib/server/live-counts';
import { presenterReveal } from '$lib/server/presenter';
import { requireSignedIn } from '$lib/server/guard';
import { visiblePreviousOf } from '$lib/server/session-access';
import type { PageServerLoad } from './$types';

/**
 * The beamer: the join screen, then (once the results are released) the reveal, one step per
 * address (`?stap=3`). Only for whoever runs the session (the page skips beheer's layout).
 */
export const load: PageServerLoad = ({ locals, url, params }) => {
	const db = getDb();
	const view = liveSessionView(db, locals, url, params.id);
	// The next round opens with last round's actions, as on the results page (read only here).
	const previous = visiblePreviousOf(db, requireSignedIn(locals, url).actor, view.session);
	const lookBack = previous
		? {
				meetrondeName: previous.meetrondeName,
				actions: followUps.withFollowUps(
					db,
					view.session.id,
					conversation.actionsOf(db, previous.id)
				)
			}
		: null;
	return { ...view, ...presenterReveal(db, view.session, url.searchParams.get('stap'), lookBack) };
};
