import { toCsv } from '$lib/domain/csv';
import { getDb } from '$lib/server/app';
import { comparisonRequest } from '$lib/server/comparison-request';
import { buildComparison } from '$lib/server/comparisons';
import { requireSignedIn } from '$lib/server/guard';
import type { RequestHandler } from './$types';

/** The comparison's figures as CSV: one line per row and dimension (columns in the README). */
export const GET: RequestHandler = ({ locals, url }) => {
	const { actor } = requireSignedIn(locals, url);
	const request = comparisonRequest(url, actor, {
		gemeenteIds: actor.gemeenteIds.slice(),
		leerbewegingIds: actor.leerbewegingIds.slice()
	});
	const comparison = buildComparison(getDb(), request);
	const lines = comparison.rows.flatMap((row) =>
		comparison.dimensions.map((d) => [
			row.label,
			d.id,
			d.title,
			row.counts[d.id] ?? 0,
			row.means[d.id],
			row.change?.[d.id] ?? null
		])
	);
	const csv = toCsv(['rij', 'onderwerp_id', 'onderwerp', 'n', 'gemiddelde', 'verandering'], lines);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="wijkspiegel-vergelijking-${request.questionnaireId}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
