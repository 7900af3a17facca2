import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { closeDb, getDb, QuestionnaireError, startApp } from '$lib/server/app';
import { currentUser } from '$lib/server/login';
import { startOptions } from '$lib/server/config';

export const init: ServerInit = async () => {
	try {
		await startApp(startOptions());
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

/** Headers SvelteKit's CSP does not set. */
const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set(
		'Permissions-Policy',
		'camera=(), microphone=(), geolocation=(), interest-cohort=()'
	);
	if (event.url.protocol === 'https:') {
		response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	}
	return response;
};

/** Who is signed in; respondents never are, they only carry their per-session cookie. */
const authenticate: Handle = ({ event, resolve }) => {
	if (event.cookies.get('wijkspiegel_sessie')) {
		event.locals.signedIn = currentUser(getDb(), event.cookies, event.url.protocol === 'https:');
	}
	return resolve(event);
};

export const handle = sequence(securityHeaders, authenticate);
