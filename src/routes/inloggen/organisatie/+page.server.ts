import { error, redirect } from '@sveltejs/kit';
import { safeNextPath } from '$lib/domain/redirect';
import { cookieOptions } from '$lib/server/cookies';
import { log } from '$lib/server/log';
import { OIDC_COOKIE, OIDC_COOKIE_PATH, pendingLogins, startLogin } from '$lib/server/oidc';
import { oidcSettings } from '$lib/server/sign-in-settings';
import type { Actions, PageServerLoad } from './$types';

// The button on the login page posts here; opening the address itself just goes back there.
export const load: PageServerLoad = () => redirect(303, '/inloggen');

export const actions: Actions = {
	/** Sends the browser to the provider, keeping state, nonce and PKCE verifier here. */
	default: async ({ cookies, locals, url }) => {
		const settings = oidcSettings();
		if (!settings) error(404, 'Inloggen met een organisatie-account is hier niet ingesteld.');
		let started;
		try {
			started = await startLogin(
				settings,
				locals.origin,
				safeNextPath(url.searchParams.get('naar'))
			);
		} catch (cause) {
			log('error', 'organisation sign-in: provider unreachable', {
				error: cause instanceof Error ? cause.message : String(cause)
			});
			error(
				503,
				'De inlogdienst van je organisatie is nu niet bereikbaar. Probeer het later nog eens.'
			);
		}
		const token = pendingLogins.put(started.pending);
		cookies.set(
			OIDC_COOKIE,
			token,
			cookieOptions(locals, OIDC_COOKIE_PATH, pendingLogins.ttlMs / 1000)
		);
		redirect(303, started.url.href);
	}
};
