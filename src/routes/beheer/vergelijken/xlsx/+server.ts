import { getDb } from '$lib/server/app';
import { comparisonRequest } from '$lib/server/comparison-request';
import { comparisonXlsx, exportExtent } from '$lib/server/figure-exports';
import { requireSignedIn } from '$lib/server/guard';
import { XLSX_TYPE } from '$lib/server/xlsx';
import type { RequestHandler } from './$types';

/** The comparison as an Excel workbook: summary, dimensions, statements, verbeteracties. */
export const GET: RequestHandler = ({ locals, url }) => {
	const { actor } = requireSignedIn(locals, url);
	const request = comparisonRequest(url, actor, {
		gemeenteIds: actor.gemeenteIds.slice(),
		leerbewegingIds: actor.leerbewegingIds.slice()
	});
	const extent = exportExtent(url);
	const title = `Wijkspiegel: vergelijking ${request.questionnaireId}${extent === 'alles' ? ', alle teams en meetrondes' : ''}`;
	const file = comparisonXlsx(getDb(), request, extent, title);
	return new Response(file, {
		headers: {
			'content-type': XLSX_TYPE,
			'content-disposition': `attachment; filename="wijkspiegel-vergelijking-${request.questionnaireId}${extent === 'alles' ? '-alles' : ''}.xlsx"`,
			'cache-control': 'private, no-store'
		}
	});
};
