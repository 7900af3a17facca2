import { env } from '$env/dynamic/private';
import { parseGroupRoles, type OrganisationRole } from '$lib/domain/organisation-login';

/** A provider on this machine only (the tests' provider) may speak plain http. */
export function isLoopback(url: URL): boolean {
	return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** The OpenID Connect settings; null when organisation sign-in is not configured. */
export interface OidcSettings {
	issuer: URL;
	clientId: string;
	clientSecret: string | undefined;
	/** OIDC_REDIRECT_URI; without it the callback address is made from the request's origin */
	redirectUri: string | undefined;
	groupsClaim: string;
	groupRoles: Map<string, OrganisationRole>;
	createAccounts: boolean;
	trustEmail: boolean;
}

/** Read per request (env is dynamic in tests); a bad value stops the app at start (checkSignInSettings). */
export function oidcSettings(): OidcSettings | null {
	const issuer = env.OIDC_ISSUER?.trim();
	const clientId = env.OIDC_CLIENT_ID?.trim();
	if (!issuer || !clientId) return null;
	return {
		issuer: new URL(issuer),
		clientId,
		clientSecret: env.OIDC_CLIENT_SECRET || undefined,
		redirectUri: env.OIDC_REDIRECT_URI?.trim() || undefined,
		groupsClaim: env.OIDC_GROUPS_CLAIM?.trim() || 'groups',
		groupRoles: parseGroupRoles(env.OIDC_GROUP_ROLES),
		createAccounts: env.OIDC_CREATE_ACCOUNTS === 'true',
		trustEmail: env.OIDC_TRUST_EMAIL === 'true'
	};
}

/**
 * LOCAL_PASSWORDS=false turns password sign-in off, but only when organisation sign-in is
 * configured: otherwise nobody could sign in at all, the beheerder included.
 */
export function localPasswordsOn(): boolean {
	return env.LOCAL_PASSWORDS !== 'false' || oidcSettings() === null;
}

/** TOTP_REQUIRED_FOR_BEHEERDERS=true: beheerders with a password must use a code from an app. */
export function totpRequiredForBeheerders(): boolean {
	return env.TOTP_REQUIRED_FOR_BEHEERDERS === 'true';
}

/** Checked once at start, so a typo in a setting is an error message, not a surprise later. */
export function checkSignInSettings(): void {
	const settings = oidcSettings();
	const plainAllowed =
		settings && isLoopback(settings.issuer) && settings.issuer.protocol === 'http:';
	if (settings && settings.issuer.protocol !== 'https:' && !plainAllowed) {
		throw new Error(`OIDC_ISSUER moet een https-adres zijn, niet "${env.OIDC_ISSUER}"`);
	}
	if (env.LOCAL_PASSWORDS === 'false' && !settings) {
		throw new Error(
			'LOCAL_PASSWORDS=false kan alleen met OIDC_ISSUER en OIDC_CLIENT_ID: anders kan niemand inloggen'
		);
	}
}
