import type { Cookies } from '@sveltejs/kit';
import type { Actor } from '$lib/domain/access';
import type { SignInMethod } from '$lib/domain/organisation-login';
import { SESSION_COOKIE, SESSION_HOURS } from './auth';
import { cookieOptions } from './cookies';
import type { Db } from './db';
import { writeTransaction } from './db/transaction';
import * as audit from './db/audit';
import * as users from './db/users';
import { hashToken, randomToken } from './tokens';

const sessionMs = SESSION_HOURS * 60 * 60 * 1000;

export interface SignedIn {
	user: { id: number; email: string; name: string; role: Actor['role'] };
	actor: Actor;
	sessionId: string;
	/** how this session began: a password (perhaps with a code) or the organisation account */
	method: SignInMethod;
	/** whether the account has two-factor sign-in turned on */
	hasTotp: boolean;
}

function setCookie(cookies: Cookies, locals: App.Locals, token: string): void {
	cookies.set(SESSION_COOKIE, token, cookieOptions(locals, '/', SESSION_HOURS * 60 * 60));
}

/** How someone signed in, as the audit log tells it. */
export type SignInHow = 'wachtwoord' | 'wachtwoord+code' | 'wachtwoord+herstelcode' | 'organisatie';

const AUDIT_TEXT: Record<SignInHow, string> = {
	wachtwoord: 'met wachtwoord',
	'wachtwoord+code': 'met wachtwoord en code uit de app',
	'wachtwoord+herstelcode': 'met wachtwoord en herstelcode',
	organisatie: 'met organisatie-account'
};

/**
 * Starts a login session; the database keeps only the token's hash. Every sign-in gets a line in
 * the audit log, saying how (BIO: log who signed in, and with what).
 */
export function signIn(
	db: Db,
	cookies: Cookies,
	locals: App.Locals,
	userId: number,
	how: SignInHow = 'wachtwoord'
): void {
	const token = randomToken();
	const method: SignInMethod = how === 'organisatie' ? 'organisatie' : 'wachtwoord';
	writeTransaction(db, (tx) => {
		users.createSession(tx, hashToken(token), userId, new Date(Date.now() + sessionMs), method);
		const user = users.get(tx, userId)!;
		audit.record(tx, user, 'ingelogd', AUDIT_TEXT[how]);
	});
	setCookie(cookies, locals, token);
}

/** The signed-in user of a request, extending the session while it is in use (sliding expiry). */
export function currentUser(db: Db, cookies: Cookies, locals: App.Locals): SignedIn | undefined {
	const token = cookies.get(SESSION_COOKIE);
	if (!token) return undefined;
	const sessionId = hashToken(token);
	const found = users.findSession(db, sessionId);
	if (!found) {
		cookies.delete(SESSION_COOKIE, cookieOptions(locals, '/'));
		return undefined;
	}
	if (found.expiresAt.getTime() - Date.now() < sessionMs / 2) {
		users.extendSession(db, sessionId, new Date(Date.now() + sessionMs));
		setCookie(cookies, locals, token);
	}
	const actor = users.actor(db, found.userId)!;
	return {
		user: { id: found.userId, email: found.email, name: found.name, role: found.role },
		actor,
		sessionId,
		method: found.method,
		hasTotp: found.hasTotp
	};
}

/** Ends the local session; returns how it began, so logout can also end it at the provider. */
export function signOut(db: Db, cookies: Cookies, locals: App.Locals): SignInMethod | undefined {
	const token = cookies.get(SESSION_COOKIE);
	const method = locals.signedIn?.method;
	if (token) users.deleteSession(db, hashToken(token));
	cookies.delete(SESSION_COOKIE, cookieOptions(locals, '/'));
	return method;
}
