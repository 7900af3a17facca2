import { getDb } from '$lib/server/app';
import { liveSessionView } from '$lib/server/live-counts';
import type { PageServerLoad } from './$types';

/** The beamer's join screen: only for whoever runs the session (the page skips beheer's layout). */
export const load: PageServerLoad = ({ locals, url, params }) =>
	liveSessionView(getDb(), locals, url, params.id);
