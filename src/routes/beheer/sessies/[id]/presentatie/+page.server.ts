import { getDb } from '$lib/server/app';
import * as responses from '$lib/server/db/responses';
import { joinLink } from '$lib/server/origin';
import { managedSession } from '$lib/server/session-access';
import type { PageServerLoad } from './$types';

/** The beamer's join screen: only for whoever runs the session (the page skips beheer's layout). */
export const load: PageServerLoad = ({ locals, url, params }) => {
	const db = getDb();
	const { session } = managedSession(db, locals, url, params.id);
	return {
		session,
		counts: responses.countsForSession(db, session.id),
		...joinLink(locals, session.joinCode)
	};
};
