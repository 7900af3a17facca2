import { getDb } from '$lib/server/app';
import { comparisonRequest } from '$lib/server/comparison-request';
import { comparisonCsvLines, exportExtent } from '$lib/server/figure-exports';
import { requireSignedIn } from '$lib/server/guard';
import { textStream } from '$lib/server/text-stream';
import type { RequestHandler } from './$types';

/** The comparison's figures as CSV: per session a line per dimension and statement (README). */
export const GET: RequestHandler = ({ locals, url }) => {
	const { actor } = requireSignedIn(locals, url);
	const request = comparisonRequest(url, actor, {
		gemeenteIds: actor.gemeenteIds.slice(),
		leerbewegingIds: actor.leerbewegingIds.slice()
	});
	const extent = exportExtent(url);
	return new Response(textStream(comparisonCsvLines(getDb(), request, extent)), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="wijkspiegel-vergelijking-${request.questionnaireId}${extent === 'alles' ? '-alles' : ''}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
