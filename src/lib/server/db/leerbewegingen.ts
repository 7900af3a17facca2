import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '.';
import { gemeenten, leerbewegingen, leerbewegingTeams, teams } from './schema';

export function create(db: Db, name: string, description = ''): number {
	return db
		.insert(leerbewegingen)
		.values({ name, description })
		.returning({ id: leerbewegingen.id })
		.get().id;
}

export function list(db: Db, ids?: readonly number[]) {
	const query = db.select().from(leerbewegingen);
	return (ids ? query.where(inArray(leerbewegingen.id, [...ids])) : query)
		.orderBy(asc(leerbewegingen.name))
		.all();
}

export function get(db: Db, id: number) {
	return db.select().from(leerbewegingen).where(eq(leerbewegingen.id, id)).get();
}

export function findByName(db: Db, name: string) {
	return db.select().from(leerbewegingen).where(eq(leerbewegingen.name, name)).get();
}

export function update(db: Db, id: number, name: string, description: string): void {
	db.update(leerbewegingen).set({ name, description }).where(eq(leerbewegingen.id, id)).run();
}

export function remove(db: Db, id: number): void {
	db.delete(leerbewegingen).where(eq(leerbewegingen.id, id)).run();
}

export function addTeam(db: Db, leerbewegingId: number, teamId: number): void {
	db.insert(leerbewegingTeams).values({ leerbewegingId, teamId }).onConflictDoNothing().run();
}

export function removeTeam(db: Db, leerbewegingId: number, teamId: number): void {
	db.delete(leerbewegingTeams)
		.where(
			and(
				eq(leerbewegingTeams.leerbewegingId, leerbewegingId),
				eq(leerbewegingTeams.teamId, teamId)
			)
		)
		.run();
}

/** The teams taking part, from whichever gemeente. */
export function teamsOf(db: Db, leerbewegingId: number) {
	return db
		.select({ id: teams.id, name: teams.name, gemeenteName: gemeenten.name })
		.from(leerbewegingTeams)
		.innerJoin(teams, eq(teams.id, leerbewegingTeams.teamId))
		.innerJoin(gemeenten, eq(gemeenten.id, teams.gemeenteId))
		.where(eq(leerbewegingTeams.leerbewegingId, leerbewegingId))
		.orderBy(asc(gemeenten.name), asc(teams.name))
		.all();
}
