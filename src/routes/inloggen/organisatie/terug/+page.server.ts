import { redirect } from '@sveltejs/kit';
import { decideSignIn, REFUSAL_MESSAGES, subjectKey } from '$lib/domain/organisation-login';
import { getDb } from '$lib/server/app';
import { cookieOptions } from '$lib/server/cookies';
import * as audit from '$lib/server/db/audit';
import * as users from '$lib/server/db/users';
import { log } from '$lib/server/log';
import { signIn } from '$lib/server/login';
import { finishLogin, OIDC_COOKIE, OIDC_COOKIE_PATH, pendingLogins } from '$lib/server/oidc';
import { oidcSettings } from '$lib/server/sign-in-settings';
import type { PageServerLoad } from './$types';

const FAILED =
	'Inloggen met je organisatie-account is niet gelukt. Probeer het opnieuw. Lukt het weer niet? Vraag dan je ICT-afdeling om hulp.';

/**
 * The provider sends the browser back here with a code (a GET: that is how the protocol works).
 * It is the one page whose GET starts a session; no link in the app points here, so preloading
 * cannot reach it, and without the cookie from our own login button it does nothing.
 */
export const load: PageServerLoad = async ({ cookies, locals, url }) => {
	const settings = oidcSettings();
	const pending = pendingLogins.take(cookies.get(OIDC_COOKIE));
	cookies.delete(OIDC_COOKIE, cookieOptions(locals, OIDC_COOKIE_PATH));
	if (!settings || !pending) return { message: FAILED };
	if (url.searchParams.has('error')) {
		// Cancelled at the provider, or the provider said no: nothing to sign in.
		return { message: FAILED };
	}
	let claims;
	try {
		claims = await finishLogin(settings, url, pending);
	} catch (cause) {
		log('warn', 'organisation sign-in failed', {
			error: cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)
		});
		return { message: FAILED };
	}
	const db = getDb();
	const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
	const byEmail = email ? users.findByEmail(db, email) : undefined;
	const decision = decideSignIn(
		claims,
		{
			bySubject: users.findBySubject(db, subjectKey(claims.issuer, claims.sub)),
			byEmail: byEmail && { id: byEmail.id, oidcSubject: byEmail.oidcSubject }
		},
		{
			groupRoles: settings.groupRoles,
			createAccounts: settings.createAccounts,
			trustEmail: settings.trustEmail
		}
	);
	if (decision.kind === 'refused') {
		audit.record(
			db,
			'systeem',
			'inloggen geweigerd',
			`organisatie-account ${email || '(zonder e-mailadres)'}: ${decision.reason}`
		);
		return { message: REFUSAL_MESSAGES[decision.reason] };
	}
	const userId = users.applyOrganisationSignIn(db, decision);
	signIn(db, cookies, locals, userId, 'organisatie');
	redirect(303, pending.next);
};
