/** Who may do what. Pure rules; routes call them through src/lib/server/guard.ts. */

export type Role = 'beheerder' | 'facilitator' | 'gemeente-viewer';

export interface Actor {
	id: number;
	role: Role;
	/** gemeenten the actor is a member of */
	gemeenteIds: readonly number[];
	/** leerbewegingen the actor is a member of */
	leerbewegingIds: readonly number[];
}

/** A team, with the leerbewegingen it takes part in. */
export interface TeamScope {
	gemeenteId: number;
	leerbewegingIds: readonly number[];
}

/** Beheerders manage everything; facilitators the gemeenten they are a member of. */
export function canManageGemeente(actor: Actor, gemeenteId: number): boolean {
	return (
		actor.role === 'beheerder' ||
		(actor.role === 'facilitator' && actor.gemeenteIds.includes(gemeenteId))
	);
}

export function canManageLeerbeweging(actor: Actor, leerbewegingId: number): boolean {
	return (
		actor.role === 'beheerder' ||
		(actor.role === 'facilitator' && actor.leerbewegingIds.includes(leerbewegingId))
	);
}

/** Who owns a meetronde: exactly one gemeente or one leerbeweging. */
export interface RoundOwner {
	gemeenteId: number | null;
	leerbewegingId: number | null;
}

/** A session: its team, and the owner of the meetronde it belongs to. */
export interface SessionScope {
	team: TeamScope;
	round: RoundOwner;
}

/**
 * A facilitator works with a team through its gemeente or through a leerbeweging it is in: opens
 * the team page and starts sessions there. What a leerbeweging's facilitator may then do is
 * narrower; see canEditTeam, canUseRound and canManageSession.
 */
export function canManageTeam(actor: Actor, team: TeamScope): boolean {
	return (
		canManageGemeente(actor, team.gemeenteId) ||
		team.leerbewegingIds.some((id) => canManageLeerbeweging(actor, id))
	);
}

/** The team itself (name, profile, deleting it with all its sessions) is its gemeente's. */
export function canEditTeam(actor: Actor, team: TeamScope): boolean {
	return canManageGemeente(actor, team.gemeenteId);
}

/**
 * Whether the actor may start a session of this team in this meetronde: the gemeente's managers in
 * the gemeente's own rounds and in rounds of the team's leerbewegingen; a leerbeweging's
 * facilitator only in that leerbeweging's rounds.
 */
export function canUseRound(actor: Actor, team: TeamScope, round: RoundOwner): boolean {
	if (round.gemeenteId !== null) {
		return round.gemeenteId === team.gemeenteId && canManageGemeente(actor, team.gemeenteId);
	}
	const leerbewegingId = round.leerbewegingId;
	return (
		leerbewegingId !== null &&
		team.leerbewegingIds.includes(leerbewegingId) &&
		(canManageGemeente(actor, team.gemeenteId) || canManageLeerbeweging(actor, leerbewegingId))
	);
}

/**
 * Running a session (open, close, results, comments, conclusions, actions): the team's gemeente,
 * and for a session in a leerbeweging's round, that leerbeweging's facilitators while the team
 * takes part in it. A gemeente's own rounds stay the gemeente's.
 */
export function canManageSession(actor: Actor, session: SessionScope): boolean {
	const leerbewegingId = session.round.leerbewegingId;
	return (
		canManageGemeente(actor, session.team.gemeenteId) ||
		(leerbewegingId !== null &&
			session.team.leerbewegingIds.includes(leerbewegingId) &&
			canManageLeerbeweging(actor, leerbewegingId))
	);
}

/** Gemeente-viewers see their gemeente's aggregated figures; managers see them too. */
export function canViewGemeente(actor: Actor, gemeenteId: number): boolean {
	return (
		canManageGemeente(actor, gemeenteId) ||
		(actor.role === 'gemeente-viewer' && actor.gemeenteIds.includes(gemeenteId))
	);
}

/** A session's figures: those who run it, and everyone who may view the team's gemeente. */
export function canViewSessionResults(actor: Actor, session: SessionScope): boolean {
	return canManageSession(actor, session) || canViewGemeente(actor, session.team.gemeenteId);
}

/** Comments are the team's own words: never for gemeente-viewers, only for those who run the conversation. */
export function canReadComments(actor: Actor, session: SessionScope): boolean {
	return canManageSession(actor, session);
}

export function isBeheerder(actor: Actor): boolean {
	return actor.role === 'beheerder';
}

export const ROLE_LABELS: Record<Role, string> = {
	beheerder: 'Beheerder',
	facilitator: 'Begeleider (facilitator)',
	'gemeente-viewer': 'Gemeente (alleen lezen)'
};
