import { canManageTeam, canReadComments } from '$lib/domain/access';
import type { Db } from './db';
import * as sessions from './db/sessions';
import {
	forbidden,
	idParam,
	notFound,
	requireSignedIn,
	requireTeamViewer,
	teamScopeOf
} from './guard';

/** The session of a /beheer/sessies/[id] route, for someone who runs it (facilitator, beheerder). */
export function managedSession(db: Db, locals: App.Locals, url: URL, rawId: string) {
	const signedIn = requireSignedIn(locals, url);
	const session = sessions.getWithJoinCode(db, idParam(rawId)) ?? notFound('Deze sessie');
	if (!canManageTeam(signedIn.actor, teamScopeOf(db, session.teamId))) forbidden();
	return { signedIn, session };
}

/**
 * The session for someone who may see its results: managers, and viewers of its gemeente. Without
 * its join code, which viewers must never get.
 */
export function viewableSession(db: Db, locals: App.Locals, url: URL, rawId: string) {
	const signedIn = requireSignedIn(locals, url);
	const session = sessions.get(db, idParam(rawId)) ?? notFound('Deze sessie');
	requireTeamViewer(locals, url, db, session.teamId);
	const scope = teamScopeOf(db, session.teamId);
	return {
		signedIn,
		session,
		canManage: canManageTeam(signedIn.actor, scope),
		canReadComments: canReadComments(signedIn.actor, scope)
	};
}
