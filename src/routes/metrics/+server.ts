import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { getDb } from '$lib/server/app';
import { appMetrics, bearerMatches, metricsToken } from '$lib/server/metrics';
import type { RequestHandler } from './$types';

/** Prometheus scrapes this; off (404) unless METRICS_TOKEN is set. Reads only. */
export const GET: RequestHandler = async ({ request }) => {
	const token = metricsToken(env);
	const metrics = appMetrics(env, getDb);
	if (!token || !metrics) error(404, 'Deze pagina bestaat niet.');
	if (!bearerMatches(request.headers.get('authorization'), token)) {
		return new Response('Geef het token mee: Authorization: Bearer <METRICS_TOKEN>\n', {
			status: 401,
			headers: { 'www-authenticate': 'Bearer realm="wijkspiegel-metrics"' }
		});
	}
	return new Response(await metrics.text(), {
		headers: { 'content-type': metrics.contentType }
	});
};
