import * as client from 'openid-client';
import type { OrganisationClaims } from '$lib/domain/organisation-login';
import { PendingStore } from './pending';
import { isLoopback, type OidcSettings } from './sign-in-settings';

/**
 * OpenID Connect with openid-client (panva): discovery, authorization code flow with PKCE, state
 * and nonce, and the checks of the ID token (signature, issuer, audience, expiry, nonce) are the
 * library's. This module only keeps the per-login values and hands the claims to the rules in
 * $lib/domain/organisation-login.ts.
 */

/** What is kept while someone is at their provider: 10 minutes to sign in there. */
export interface PendingLogin {
	state: string;
	nonce: string;
	verifier: string;
	redirectUri: string;
	next: string;
}

export const pendingLogins = new PendingStore<PendingLogin>(10 * 60 * 1000);
export const OIDC_COOKIE = 'wijkspiegel_organisatie';
export const OIDC_COOKIE_PATH = '/inloggen/organisatie';

let cached: { key: string; configuration: Promise<client.Configuration> } | undefined;
let resolved: { key: string; metadata: client.ServerMetadata } | undefined;

function cacheKey(settings: OidcSettings): string {
	return `${settings.issuer.href}\n${settings.clientId}`;
}

/** The provider's metadata, fetched once (and again after a failure, so a restart is not needed). */
export function configuration(settings: OidcSettings): Promise<client.Configuration> {
	const key = cacheKey(settings);
	if (cached?.key === key) return cached.configuration;
	const configuration = client.discovery(
		settings.issuer,
		settings.clientId,
		settings.clientSecret,
		undefined,
		isLoopback(settings.issuer) ? { execute: [client.allowInsecureRequests] } : undefined
	);
	cached = { key, configuration };
	configuration.then(
		(config) => (resolved = { key, metadata: config.serverMetadata() }),
		() => {
			if (cached?.configuration === configuration) cached = undefined;
		}
	);
	return configuration;
}

/** The callback address registered at the provider. */
export function redirectUri(settings: OidcSettings, origin: string): string {
	return settings.redirectUri ?? `${origin}/inloggen/organisatie/terug`;
}

/** The provider's authorization address for a new login, and the values to keep until it returns. */
export async function startLogin(
	settings: OidcSettings,
	origin: string,
	next: string
): Promise<{ url: URL; pending: PendingLogin }> {
	const config = await configuration(settings);
	const pending: PendingLogin = {
		state: client.randomState(),
		nonce: client.randomNonce(),
		verifier: client.randomPKCECodeVerifier(),
		redirectUri: redirectUri(settings, origin),
		next
	};
	const url = client.buildAuthorizationUrl(config, {
		redirect_uri: pending.redirectUri,
		scope: 'openid email profile',
		code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
		code_challenge_method: 'S256',
		state: pending.state,
		nonce: pending.nonce
	});
	return { url, pending };
}

/**
 * Exchanges the code for tokens (the library checks state, PKCE, nonce and the ID token) and
 * returns who signed in. Claims missing from the ID token (some providers send e-mail and groups
 * only from the userinfo endpoint) are added from there, for the same subject.
 */
export async function finishLogin(
	settings: OidcSettings,
	callbackUrl: URL,
	pending: PendingLogin
): Promise<OrganisationClaims> {
	const config = await configuration(settings);
	const tokens = await client.authorizationCodeGrant(
		config,
		callbackUrl,
		{
			pkceCodeVerifier: pending.verifier,
			expectedState: pending.state,
			expectedNonce: pending.nonce,
			idTokenExpected: true
		},
		{ redirect_uri: pending.redirectUri }
	);
	const idClaims = tokens.claims()!;
	let claims: Record<string, unknown> = { ...idClaims };
	if (config.serverMetadata().userinfo_endpoint) {
		const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
		claims = { ...info, ...idClaims };
	}
	return {
		issuer: idClaims.iss,
		sub: idClaims.sub,
		email: claims.email,
		emailVerified: claims.email_verified,
		name: claims.name,
		groups: claims[settings.groupsClaim]
	};
}

/** The provider's logout address, when it has one (RP-initiated logout); null otherwise. */
export async function endSessionUrl(settings: OidcSettings, origin: string): Promise<URL | null> {
	try {
		const config = await configuration(settings);
		if (!config.serverMetadata().end_session_endpoint) return null;
		return client.buildEndSessionUrl(config, {
			post_logout_redirect_uri: `${origin}/inloggen`
		});
	} catch {
		// The provider is unreachable: the local session has ended, which is what matters most.
		return null;
	}
}

/**
 * Origins a form may lead to: the login button and the logout button end at the provider, and
 * the Content-Security-Policy's form-action also covers those redirects. Synchronous, from what
 * discovery found so far: a provider that is down must not slow every page down.
 */
export function providerOrigins(settings: OidcSettings): string[] {
	const origins = new Set([settings.issuer.origin]);
	const metadata = resolved?.key === cacheKey(settings) ? resolved.metadata : undefined;
	for (const endpoint of [metadata?.authorization_endpoint, metadata?.end_session_endpoint]) {
		if (endpoint) origins.add(new URL(endpoint).origin);
	}
	return [...origins];
}
