import type { Cookies } from '@sveltejs/kit';
import type { Actor } from '$lib/domain/access';
import { SESSION_COOKIE, SESSION_HOURS } from './auth';
import { cookieOptions } from './cookies';
import type { Db } from './db';
import * as users from './db/users';
import { hashToken, randomToken } from './tokens';

const sessionMs = SESSION_HOURS * 60 * 60 * 1000;

export interface SignedIn {
	user: { id: number; email: string; name: string; role: Actor['role'] };
	actor: Actor;
	sessionId: string;
}

function setCookie(cookies: Cookies, locals: App.Locals, token: string): void {
	cookies.set(SESSION_COOKIE, token, cookieOptions(locals, '/', SESSION_HOURS * 60 * 60));
}

/** Starts a login session; the database keeps only the token's hash. */
export function signIn(db: Db, cookies: Cookies, locals: App.Locals, userId: number): void {
	const token = randomToken();
	users.createSession(db, hashToken(token), userId, new Date(Date.now() + sessionMs));
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
		sessionId
	};
}

export function signOut(db: Db, cookies: Cookies, locals: App.Locals): void {
	const token = cookies.get(SESSION_COOKIE);
	if (token) users.deleteSession(db, hashToken(token));
	cookies.delete(SESSION_COOKIE, cookieOptions(locals, '/'));
}
