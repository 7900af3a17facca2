import { and, asc, count, eq, isNotNull, sql } from 'drizzle-orm';
import type {
	TeamComposition,
	TeamLegalForm,
	TeamTargetGroup,
	TeamTask
} from '$lib/domain/team-profile';
import type { Db } from '.';
import { gemeenten, leerbewegingTeams, responses, sessions, teams } from './schema';

export interface NewTeam {
	gemeenteId: number;
	name: string;
	tasks: TeamTask[];
	composition: TeamComposition | null;
	legalForm: TeamLegalForm | null;
	targetGroup: TeamTargetGroup | null;
}

export function create(db: Db, team: NewTeam): number {
	return db.insert(teams).values(team).returning({ id: teams.id }).get().id;
}

export function update(db: Db, id: number, team: Omit<NewTeam, 'gemeenteId'>): void {
	db.update(teams).set(team).where(eq(teams.id, id)).run();
}

export function remove(db: Db, id: number): void {
	db.delete(teams).where(eq(teams.id, id)).run();
}

export function listByGemeente(db: Db, gemeenteId: number) {
	return db
		.select()
		.from(teams)
		.where(eq(teams.gemeenteId, gemeenteId))
		.orderBy(asc(teams.name))
		.all();
}

export function get(db: Db, id: number) {
	return db
		.select({
			id: teams.id,
			name: teams.name,
			gemeenteId: teams.gemeenteId,
			gemeenteName: gemeenten.name,
			tasks: teams.tasks,
			composition: teams.composition,
			legalForm: teams.legalForm,
			targetGroup: teams.targetGroup
		})
		.from(teams)
		.innerJoin(gemeenten, eq(gemeenten.id, teams.gemeenteId))
		.where(eq(teams.id, id))
		.get();
}

export function findByName(db: Db, gemeenteId: number, name: string) {
	return db
		.select({ id: teams.id })
		.from(teams)
		.where(sql`${teams.gemeenteId} = ${gemeenteId} AND ${teams.name} = ${name}`)
		.get();
}

/** How many sent questionnaires would be lost by deleting the team (started ones do not count). */
export function responseCount(db: Db, id: number): number {
	return (
		db
			.select({ n: count() })
			.from(responses)
			.innerJoin(sessions, eq(sessions.id, responses.sessionId))
			.where(and(eq(sessions.teamId, id), isNotNull(responses.submittedAt)))
			.get()?.n ?? 0
	);
}

/** The team's gemeente and leerbewegingen: what the access rules need. */
export function scope(db: Db, teamId: number) {
	const team = db
		.select({ gemeenteId: teams.gemeenteId })
		.from(teams)
		.where(eq(teams.id, teamId))
		.get();
	if (!team) return undefined;
	const links = db
		.select({ id: leerbewegingTeams.leerbewegingId })
		.from(leerbewegingTeams)
		.where(eq(leerbewegingTeams.teamId, teamId))
		.all();
	return { gemeenteId: team.gemeenteId, leerbewegingIds: links.map((l) => l.id) };
}

/** Every team with its gemeente, for choosing teams of a leerbeweging. */
export function listAll(db: Db) {
	return db
		.select({ id: teams.id, name: teams.name, gemeenteName: gemeenten.name })
		.from(teams)
		.innerJoin(gemeenten, eq(gemeenten.id, teams.gemeenteId))
		.orderBy(asc(gemeenten.name), asc(teams.name))
		.all();
}
