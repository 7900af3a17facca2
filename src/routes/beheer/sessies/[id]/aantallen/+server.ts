import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { liveCounts } from '$lib/server/live-counts';
import { managedSession } from '$lib/server/session-access';
import type { RequestHandler } from './$types';

/** Counts only, for the live view's polling: never anything about a single response. */
export const GET: RequestHandler = ({ locals, url, params }) => {
	const db = getDb();
	const { session } = managedSession(db, locals, url, params.id);
	return json(
		{ status: session.status, ...liveCounts(db, session) },
		{ headers: { 'cache-control': 'no-store' } }
	);
};
