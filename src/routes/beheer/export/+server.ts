import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/app';
import { exportCsvLines, exportData } from '$lib/server/data-export';
import * as audit from '$lib/server/db/audit';
import * as gemeenten from '$lib/server/db/gemeenten';
import * as teams from '$lib/server/db/teams';
import { requireBeheerder } from '$lib/server/guard';
import { textStream } from '$lib/server/text-stream';
import type { RequestHandler } from './$types';

const QuerySchema = z
	.object({
		gemeente: z.coerce.number().int().positive().optional(),
		team: z.coerce.number().int().positive().optional(),
		formaat: z.enum(['json', 'csv']).default('json')
	})
	.refine((q) => (q.gemeente === undefined) !== (q.team === undefined));

/** A beheerder exports all data of a gemeente or a team (AVG); every export is in the audit log. */
export const GET: RequestHandler = ({ locals, url }) => {
	const { user } = requireBeheerder(locals, url);
	const parsed = QuerySchema.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) error(400, 'Kies een gemeente of een team om te exporteren.');
	const db = getDb();
	const query = parsed.data;
	const scope: { gemeenteId: number } | { teamId: number } =
		query.gemeente !== undefined ? { gemeenteId: query.gemeente } : { teamId: query.team! };
	const name =
		'gemeenteId' in scope
			? gemeenten.get(db, scope.gemeenteId)?.name
			: teams.get(db, scope.teamId)?.name;
	if (!name) error(404, 'Deze gemeente of dit team bestaat niet.');
	const data = exportData(db, scope);
	audit.record(
		db,
		user,
		`export ${query.formaat}`,
		'gemeenteId' in scope ? `gemeente ${name}` : `team ${name}`
	);
	const file = `wijkspiegel-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
	// CSV is written while it is sent; the JSON export stays one string (JSON.stringify).
	const body =
		query.formaat === 'csv' ? textStream(exportCsvLines(data)) : JSON.stringify(data, null, 2);
	return new Response(body, {
		headers: {
			'content-type':
				query.formaat === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${file}.${query.formaat}"`,
			'cache-control': 'private, no-store'
		}
	});
};
