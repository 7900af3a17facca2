import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import * as responses from '$lib/server/db/responses';
import { managedSession } from '$lib/server/session-access';
import type { RequestHandler } from './$types';

/** Counts only, for the live view's polling: never anything about a single response. */
export const GET: RequestHandler = ({ locals, url, params }) => {
	const db = getDb();
	const { session } = managedSession(db, locals, url, params.id);
	return json(
		{ status: session.status, ...responses.countsForSession(db, session.id) },
		{ headers: { 'cache-control': 'no-store' } }
	);
};
