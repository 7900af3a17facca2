import { error, redirect } from '@sveltejs/kit';
import {
	canEditTeam,
	canManageGemeente,
	canManageTeam,
	type SessionScope,
	type TeamScope
} from '$lib/domain/access';
import type { Db } from './db';
import * as meetrondes from './db/meetrondes';
import * as teams from './db/teams';
import type { SignedIn } from './login';

/** The signed-in user, or a redirect to the login page that comes back here afterwards. */
export function requireSignedIn(locals: App.Locals, url: URL): SignedIn {
	if (!locals.signedIn) {
		redirect(303, `/inloggen?naar=${encodeURIComponent(url.pathname + url.search)}`);
	}
	return locals.signedIn;
}

export function forbidden(): never {
	error(
		403,
		'Je hebt geen toegang tot deze pagina. Vraag een beheerder om toegang als je die nodig hebt.'
	);
}

export function notFound(what: string): never {
	error(404, `${what} bestaat niet (meer).`);
}

export function requireBeheerder(locals: App.Locals, url: URL): SignedIn {
	const signedIn = requireSignedIn(locals, url);
	if (signedIn.actor.role !== 'beheerder') forbidden();
	return signedIn;
}

export function requireGemeenteManager(locals: App.Locals, url: URL, gemeenteId: number): SignedIn {
	const signedIn = requireSignedIn(locals, url);
	if (!canManageGemeente(signedIn.actor, gemeenteId)) forbidden();
	return signedIn;
}

/** The team's scope for the access rules; 404 when the team does not exist. */
export function teamScopeOf(db: Db, teamId: number): TeamScope {
	const scope = teams.scope(db, teamId);
	if (!scope) notFound('Dit team');
	return scope;
}

export function requireTeamManager(locals: App.Locals, url: URL, db: Db, teamId: number): SignedIn {
	const signedIn = requireSignedIn(locals, url);
	if (!canManageTeam(signedIn.actor, teamScopeOf(db, teamId))) forbidden();
	return signedIn;
}

/** Renaming, the team profile and deleting the team: the gemeente's managers only. */
export function requireTeamEditor(locals: App.Locals, url: URL, db: Db, teamId: number): SignedIn {
	const signedIn = requireSignedIn(locals, url);
	if (!canEditTeam(signedIn.actor, teamScopeOf(db, teamId))) forbidden();
	return signedIn;
}

/** The meetronde's owner for the access rules; 404 when the meetronde does not exist. */
export function roundOwnerOf(db: Db, meetrondeId: number) {
	const round = meetrondes.get(db, meetrondeId);
	if (!round) notFound('Deze meetronde');
	return { gemeenteId: round.gemeenteId, leerbewegingId: round.leerbewegingId };
}

/** A session's team and meetronde owner, for the access rules. */
export function sessionScopeOf(
	db: Db,
	session: { teamId: number; meetrondeId: number }
): SessionScope {
	return { team: teamScopeOf(db, session.teamId), round: roundOwnerOf(db, session.meetrondeId) };
}

/** Route ids are positive integers; anything else is a page that does not exist. */
export function idParam(value: string): number {
	const id = Number(value);
	if (!Number.isSafeInteger(id) || id <= 0) error(404, 'Deze pagina bestaat niet.');
	return id;
}
