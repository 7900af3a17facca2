import type { Cookies } from '@sveltejs/kit';
import type { Actor } from '$lib/domain/access';
import { SESSION_COOKIE, SESSION_HOURS } from './auth';
import type { Db } from './db';
import * as users from './db/users';
import { hashToken, randomToken } from './tokens';

const sessionMs = SESSION_HOURS * 60 * 60 * 1000;

export interface SignedIn {
	user: { id: number; email: string; name: string; role: Actor['role'] };
	actor: Actor;
	sessionId: string;
}

function setCookie(cookies: Cookies, token: string, secure: boolean): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: SESSION_HOURS * 60 * 60
	});
}

/** Starts a login session; the database keeps only the token's hash. */
export function signIn(db: Db, cookies: Cookies, userId: number, secure: boolean): void {
	const token = randomToken();
	users.createSession(db, hashToken(token), userId, new Date(Date.now() + sessionMs));
	setCookie(cookies, token, secure);
}

/** The signed-in user of a request, extending the session while it is in use (sliding expiry). */
export function currentUser(db: Db, cookies: Cookies, secure: boolean): SignedIn | undefined {
	const token = cookies.get(SESSION_COOKIE);
	if (!token) return undefined;
	const sessionId = hashToken(token);
	const found = users.findSession(db, sessionId);
	if (!found) {
		cookies.delete(SESSION_COOKIE, { path: '/' });
		return undefined;
	}
	if (found.expiresAt.getTime() - Date.now() < sessionMs / 2) {
		users.extendSession(db, sessionId, new Date(Date.now() + sessionMs));
		setCookie(cookies, token, secure);
	}
	const actor = users.actor(db, found.userId)!;
	return {
		user: { id: found.userId, email: found.email, name: found.name, role: found.role },
		actor,
		sessionId
	};
}

export function signOut(db: Db, cookies: Cookies): void {
	const token = cookies.get(SESSION_COOKIE);
	if (token) users.deleteSession(db, hashToken(token));
	cookies.delete(SESSION_COOKIE, { path: '/' });
}
