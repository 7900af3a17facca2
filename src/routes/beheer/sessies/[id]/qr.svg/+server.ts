import QRCode from 'qrcode';
import { getDb } from '$lib/server/app';
import { joinLink } from '$lib/server/origin';
import { managedSession } from '$lib/server/session-access';
import type { RequestHandler } from './$types';

/** The QR code points to /s/{CODE}; rendered on the server, so the room needs no script. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const { session } = managedSession(getDb(), locals, url, params.id);
	const svg = await QRCode.toString(joinLink(locals, session.joinCode).joinUrl, {
		type: 'svg',
		errorCorrectionLevel: 'M',
		margin: 2
	});
	// Not kept for an hour: the address in it changes when the laptop joins another network.
	return new Response(svg, {
		headers: { 'content-type': 'image/svg+xml', 'cache-control': 'private, no-cache' }
	});
};
