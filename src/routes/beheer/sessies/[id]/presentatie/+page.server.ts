import { getDb } from '$lib/server/app';
import { liveCounts } from '$lib/server/live-counts';
import { joinLink } from '$lib/server/origin';
import { managedSession } from '$lib/server/session-access';
import type { PageServerLoad } from './$types';

/** The beamer's join screen: only for whoever runs the session (the page skips beheer's layout). */
export const load: PageServerLoad = ({ locals, url, params }) => {
	const db = getDb();
	const { session } = managedSession(db, locals, url, params.id);
	return {
		session,
		counts: liveCounts(db, session),
		...joinLink(locals, session.joinCode)
	};
};
