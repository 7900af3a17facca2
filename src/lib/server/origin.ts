import type { Handle, RequestEvent } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { networkInterfaces } from 'node:os';
import { reachableAddresses, shareOrigin } from '$lib/network.js';

/**
 * The origin a request was sent to, as the browser sees it. With ORIGIN or PROTOCOL_HEADER set the
 * adapter knows it and `url` is right. Without them adapter-node guesses https, while its own
 * server only speaks plain http: then the connection decides, with the Host the browser used, so
 * that a laptop is reachable by every address it has (localhost, its Wi-Fi address, its name).
 */
export function ownOrigin(
	url: URL,
	adapterKnowsProtocol: boolean,
	connectionEncrypted: boolean | undefined
): string {
	// In `vite dev` there is no adapter connection, and Vite's URL is right.
	if (adapterKnowsProtocol || connectionEncrypted === undefined) return url.origin;
	return `${connectionEncrypted ? 'https:' : 'http:'}//${url.host}`;
}

function connectionEncrypted(event: RequestEvent): boolean | undefined {
	const socket = event.platform?.req?.socket as { encrypted?: boolean } | undefined;
	return socket ? socket.encrypted === true : undefined;
}

/** Sets `locals.origin` for everything after it: the same-origin check, cookies, links. */
export const knowOrigin: Handle = ({ event, resolve }) => {
	event.locals.origin = ownOrigin(
		event.url,
		Boolean(env.ORIGIN || env.PROTOCOL_HEADER),
		connectionEncrypted(event)
	);
	return resolve(event);
};

/** Whether the request came over https (for Secure cookies and HSTS). */
export function overHttps(locals: App.Locals): boolean {
	return locals.origin.startsWith('https:');
}

/**
 * Where others (phones in the room, invited users) can open the app: see shareOrigin. Read per
 * request, because a laptop may change network during a day.
 */
export function originForOthers(locals: App.Locals): { origin: string; onlyThisComputer: boolean } {
	return shareOrigin({
		configured: env.ORIGIN,
		requestOrigin: locals.origin,
		addresses: reachableAddresses(networkInterfaces())
	});
}

/** The link and QR target for joining a session, on an address phones can reach. */
export function joinLink(locals: App.Locals, joinCode: string) {
	const { origin, onlyThisComputer } = originForOthers(locals);
	return { joinOrigin: origin, joinUrl: `${origin}/s/${joinCode}`, onlyThisComputer };
}
