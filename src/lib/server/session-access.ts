import {
	canManageSession,
	canReadComments,
	canViewSessionResults,
	type Actor
} from '$lib/domain/access';
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

/**
 * Whether this person may see another session's results: for the previous round's verbeteracties
 * and the change since then. A leerbeweging's facilitator must not see a gemeente's own rounds.
 */
export function mayViewResultsOf(db: Db, actor: Actor) {
	return (session: { teamId: number; meetrondeId: number }) =>
		canViewSessionResults(actor, sessionScopeOf(db, session));
}

/** Whether this person may see what was recorded at a session, by its id (cached per id). */
export function mayViewSession(db: Db, actor: Actor) {
	const may = mayViewResultsOf(db, actor);
	const known = new Map<number, boolean>();
	return (sessionId: number) => {
		if (!known.has(sessionId)) {
			const session = sessions.get(db, sessionId);
			known.set(sessionId, session !== undefined && may(session));
		}
		return known.get(sessionId)!;
	};
}

/** The team's previous session, only when this person may see its results (and actions). */
export function visiblePreviousOf(
	db: Db,
	actor: Actor,
	session: { id: number; teamId: number; questionnaireId: string }
) {
	const previous = sessions.previousOfTeam(db, session);
	return previous && mayViewResultsOf(db, actor)(previous) ? previous : undefined;
}
