import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { sessionCsv } from '$lib/server/figure-exports';
import { mayViewResultsOf, viewableSession } from '$lib/server/session-access';
import type { RequestHandler } from './$types';

/** A session's figures per dimension and statement, for everyone who may see its results. */
export const GET: RequestHandler = ({ locals, url, params }) => {
	const db = getDb();
	const { session, signedIn } = viewableSession(db, locals, url, params.id);
	const csv = sessionCsv(db, session.id, mayViewResultsOf(db, signedIn.actor));
	if (!csv)
		error(404, 'Deze sessie heeft (nog) geen uitkomsten: te weinig respons of nog niet gesloten.');
	const name = `${session.teamName}-${session.meetrondeName}`
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-');
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="wijkspiegel-${name}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
