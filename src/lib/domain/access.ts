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

/** A facilitator manages a team through its gemeente or through a leerbeweging it is in. */
export function canManageTeam(actor: Actor, team: TeamScope): boolean {
	return (
		canManageGemeente(actor, team.gemeenteId) ||
		team.leerbewegingIds.some((id) => canManageLeerbeweging(actor, id))
	);
}

/** Gemeente-viewers see their gemeente's aggregated figures; managers see them too. */
export function canViewGemeente(actor: Actor, gemeenteId: number): boolean {
	return (
		canManageGemeente(actor, gemeenteId) ||
		(actor.role === 'gemeente-viewer' && actor.gemeenteIds.includes(gemeenteId))
	);
}

export function canViewTeamResults(actor: Actor, team: TeamScope): boolean {
	return canManageTeam(actor, team) || canViewGemeente(actor, team.gemeenteId);
}

/** Comments are the team's own words: never for gemeente-viewers, only for those who run the conversation. */
export function canReadComments(actor: Actor, team: TeamScope): boolean {
	return canManageTeam(actor, team);
}

export function isBeheerder(actor: Actor): boolean {
	return actor.role === 'beheerder';
}

export const ROLE_LABELS: Record<Role, string> = {
	beheerder: 'Beheerder',
	facilitator: 'Begeleider (facilitator)',
	'gemeente-viewer': 'Gemeente (alleen lezen)'
};
