import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { sessionXlsx } from '$lib/server/figure-exports';
import { mayViewResultsOf, viewableSession } from '$lib/server/session-access';
import { XLSX_TYPE } from '$lib/server/xlsx';
import type { RequestHandler } from './$types';

/** A session's figures as an Excel workbook, for everyone who may see its results. */
export const GET: RequestHandler = ({ locals, url, params }) => {
	const db = getDb();
	const { session, signedIn } = viewableSession(db, locals, url, params.id);
	const file = sessionXlsx(db, session.id, mayViewResultsOf(db, signedIn.actor));
	if (!file)
		error(404, 'Deze sessie heeft (nog) geen uitkomsten: te weinig respons of nog niet gesloten.');
	const name = `${session.teamName}-${session.meetrondeName}`
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-');
	return new Response(file, {
		headers: {
			'content-type': XLSX_TYPE,
			'content-disposition': `attachment; filename="wijkspiegel-${name}.xlsx"`,
			'cache-control': 'private, no-store'
		}
	});
};
