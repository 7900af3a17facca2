import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { isReachable } from '$lib/server/db';

export function GET() {
	let ok = false;
	try {
		ok = isReachable(getDb());
	} catch {
		ok = false;
	}
	return json(
		{ status: ok ? 'ok' : 'error', database: ok ? 'bereikbaar' : 'niet bereikbaar' },
		{ status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
}
