import { redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { sequence } from '@sveltejs/kit/hooks';
import { closeDb, getDb, QuestionnaireError, startApp } from '$lib/server/app';
import { currentUser } from '$lib/server/login';
import { log, requestLoggingOn } from '$lib/server/log';
import { appMetrics } from '$lib/server/metrics';
import { startOptions } from '$lib/server/config';
import { knowOrigin } from '$lib/server/origin';
import { sameOrigin } from '$lib/server/same-origin';
import { securityHeaders, withFormActionOrigins } from '$lib/server/security-headers';
import { mustEnrolTotp } from '$lib/domain/two-factor-policy';
import {
	checkSignInSettings,
	oidcSettings,
	totpRequiredForBeheerders
} from '$lib/server/sign-in-settings';
import { configuration, providerOrigins } from '$lib/server/oidc';
import {
	chooseClientAddress,
	countedNetwork,
	forgedProxyHeaders,
	parseTrustedProxies,
	peerAddress
} from '$lib/server/client-address';
import { env } from '$env/dynamic/private';

export const init: ServerInit = async () => {
	try {
		checkSignInSettings();
		await startApp(startOptions());
		startDiscovery();
	} catch (error) {
		if (error instanceof QuestionnaireError) {
			// The file, the path inside it and what is wrong; no stack trace to wade through.
			console.error(error.message);
			process.exit(1);
		}
		throw error;
	}
	process.once('sveltekit:shutdown', closeDb);
};

/**
 * Fetches the provider's metadata at start, so the login page's CSP knows its endpoints. A
 * provider that is down is logged, not fatal: password sign-in keeps working, and the login
 * button tries again.
 */
function startDiscovery(): void {
	const settings = oidcSettings();
	if (!settings) return;
	configuration(settings).catch((error: unknown) =>
		log('warn', 'organisation sign-in: provider unreachable at start', {
			error: error instanceof Error ? error.message : String(error)
		})
	);
}

const trustedProxies = parseTrustedProxies(env.TRUSTED_PROXIES);

/**
 * Every limit counts the visitor's real address: ADDRESS_HEADER only counts when the connection
 * comes from a trusted proxy (see client-address.ts), whichever route asks. A request from any
 * other connection that carries a proxy header is refused.
 */
const clientAddress: Handle = ({ event, resolve }) => {
	const forged = forgedProxyHeaders(
		peerAddress(event),
		trustedProxies,
		[env.ADDRESS_HEADER, env.PROTOCOL_HEADER, env.HOST_HEADER, env.PORT_HEADER],
		(name) => event.request.headers.has(name)
	);
	if (forged.length > 0) {
		// No address in the log: the sender may be a visitor. The setting to check is named.
		log('warn', 'proxy header from an untrusted connection refused', {
			headers: forged.join(','),
			hint: 'komt dit van je eigen proxy, zet dan TRUSTED_PROXIES op het adres van de proxy'
		});
		return new Response(
			'Dit verzoek komt niet via de proxy van deze website en wordt daarom geweigerd.\n',
			{ status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } }
		);
	}
	const original = event.getClientAddress.bind(event);
	const chosen = env.ADDRESS_HEADER
		? () => chooseClientAddress(peerAddress(event), trustedProxies, original)
		: original;
	// An IPv6 visitor holds a whole /64: counted per address, each request could use a fresh one.
	event.getClientAddress = () => countedNetwork(chosen());
	return resolve(event);
};

/** Who is signed in; respondents never are, they only carry their per-session cookie. */
const authenticate: Handle = ({ event, resolve }) => {
	if (event.cookies.get('wijkspiegel_sessie')) {
		event.locals.signedIn = currentUser(getDb(), event.cookies, event.locals);
	}
	// A beheerder who must use two-factor sign-in but has not set it up yet gets only the page
	// where they set it up (and logging out): every other page and form waits until then.
	const signedIn = event.locals.signedIn;
	if (
		signedIn &&
		mustEnrolTotp(signedIn, totpRequiredForBeheerders()) &&
		event.url.pathname.startsWith('/beheer') &&
		event.url.pathname !== '/beheer/account'
	) {
		redirect(303, '/beheer/account?tweestap=verplicht');
	}
	return resolve(event);
};

/** With organisation sign-in, forms may lead to the provider (see withFormActionOrigins). */
const providerFormAction: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const settings = oidcSettings();
	const csp = response.headers.get('content-security-policy');
	if (settings && csp) {
		response.headers.set(
			'content-security-policy',
			withFormActionOrigins(csp, providerOrigins(settings))
		);
	}
	return response;
};

/**
 * Route, status and duration of every request, for the log and /metrics; the route id, never the
 * path with its codes.
 */
const accessLog: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const response = await resolve(event);
	appMetrics(env, getDb)?.request(
		event.request.method,
		event.route.id,
		response.status,
		(performance.now() - started) / 1000
	);
	if (!requestLoggingOn()) return response;
	log('info', 'request', {
		method: event.request.method,
		route: event.route.id ?? '(geen route)',
		status: response.status,
		ms: Math.round((performance.now() - started) * 10) / 10
	});
	return response;
};

export const handle = sequence(
	clientAddress,
	knowOrigin,
	accessLog,
	securityHeaders,
	providerFormAction,
	sameOrigin,
	authenticate
);

/** Unexpected errors: logged with an id to find them back, shown to people in plain Dutch. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status === 404) return { message: 'Deze pagina bestaat niet.' };
	if (status < 500) {
		// The request's fault (too large, malformed): worth a warning, not an alarm.
		log('warn', 'request refused', { status, route: event.route.id ?? '(geen route)' });
		return {
			message:
				status === 413
					? 'Wat je stuurde is te groot. Maak je tekst korter en probeer het opnieuw.'
					: 'Dit verzoek kunnen we niet verwerken.'
		};
	}
	const id = randomUUID().slice(0, 8);
	log('error', 'unexpected error', {
		id,
		status,
		route: event.route.id ?? '(geen route)',
		error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
		stack: error instanceof Error ? error.stack?.split('\n').slice(0, 6).join(' | ') : undefined
	});
	return {
		message: `Er ging iets mis aan onze kant. Probeer het later nog eens. Blijft het misgaan? Noem dan code ${id}.`
	};
};
