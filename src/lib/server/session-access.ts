import { canManageSession, canReadComments, canViewSessionResults } from '$lib/domain/access';
import type { Db } from './db';
import * as sessions from './db/sessions';
import { forbidden, idParam, notFound, requireSignedIn, sessionScopeOf } from './guard';

/** The session of a /beheer/sessies/[id] route, for someone who runs it (facilitator, beheerder). */
export function managedSession(db: Db, locals: App.Locals, url: URL, rawId: string) {
	const signedIn = requireSignedIn(locals, url);
	const session = sessions.getWithJoinCode(db, idParam(rawId)) ?? notFound('Deze sessie');
	if (!canManageSession(signedIn.actor, sessionScopeOf(db, session))) forbidden();
	return { signedIn, session };
}

/**
 * The session for someone who may see its results: managers, and viewers of its gemeente. Without
 * its join code, which viewers must never get.
 */
export function viewableSession(db: Db, locals: App.Locals, url: URL, rawId: string) {
	const signedIn = requireSignedIn(locals, url);
	const session = sessions.get(db, idParam(rawId)) ?? notFound('Deze sessie');
	const scope = sessionScopeOf(db, session);
	if (!canViewSessionResults(signedIn.actor, scope)) forbidden();
	return {
		signedIn,
		session,
		canManage: canManageSession(signedIn.actor, scope),
		canReadComments: canReadComments(signedIn.actor, scope)
	};
}
