import type { Handle } from '@sveltejs/kit';
import { STATIC_HEADERS } from './static-headers.js';
import { overHttps } from './origin';

/** Headers SvelteKit's CSP does not set. */
export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of Object.entries(STATIC_HEADERS)) response.headers.set(name, value);
	// Every page and file made here is personal or about to be: results, exports, questionnaires
	// with unsent answers and the resume code. Never keep them in a cache or the Back history, so a
	// shared computer or phone shows nothing after logging out or closing the page.
	response.headers.set('Cache-Control', 'no-store');
	if (overHttps(event.locals)) {
		response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	}
	return response;
};

/**
 * Adds origins to the CSP's form-action: with organisation sign-in the login and logout forms
 * redirect to the provider, and browsers check every redirect after a form against form-action.
 */
export function withFormActionOrigins(csp: string, origins: readonly string[]): string {
	if (origins.length === 0) return csp;
	return csp.replace(/form-action ([^;]*)/, (_, sources: string) =>
		['form-action', sources.trim(), ...origins].join(' ')
	);
}
