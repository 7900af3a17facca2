import { and, asc, count, countDistinct, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '.';
import { gemeenten, responses, sessions, teams } from './schema';

export function create(db: Db, name: string): number {
	return db.insert(gemeenten).values({ name }).returning({ id: gemeenten.id }).get().id;
}

export function list(db: Db, ids?: readonly number[]) {
	// A join, not a correlated subquery: drizzle writes a column without its table name there, so
	// "gemeente_id = id" compared each team with itself (every gemeente showed "1 team").
	const query = db
		.select({ id: gemeenten.id, name: gemeenten.name, teams: countDistinct(teams.id) })
		.from(gemeenten)
		.leftJoin(teams, eq(teams.gemeenteId, gemeenten.id));
	return (ids ? query.where(inArray(gemeenten.id, [...ids])) : query)
		.groupBy(gemeenten.id)
		.orderBy(asc(gemeenten.name))
		.all();
}

export function get(db: Db, id: number) {
	return db.select().from(gemeenten).where(eq(gemeenten.id, id)).get();
}

export function findByName(db: Db, name: string) {
	return db.select().from(gemeenten).where(eq(gemeenten.name, name)).get();
}

export function rename(db: Db, id: number, name: string): void {
	db.update(gemeenten).set({ name }).where(eq(gemeenten.id, id)).run();
}

/** Deletes the gemeente with its teams, rounds, sessions and answers (foreign keys cascade). */
export function remove(db: Db, id: number): void {
	db.delete(gemeenten).where(eq(gemeenten.id, id)).run();
}

/** How many sent questionnaires would be lost by deleting the gemeente (started ones do not count). */
export function responseCount(db: Db, id: number): number {
	return (
		db
			.select({ n: count() })
			.from(responses)
			.innerJoin(sessions, eq(sessions.id, responses.sessionId))
			.innerJoin(teams, eq(teams.id, sessions.teamId))
			.where(and(eq(teams.gemeenteId, id), isNotNull(responses.submittedAt)))
			.get()?.n ?? 0
	);
}

export function total(db: Db): number {
	return db.select({ n: count() }).from(gemeenten).get()?.n ?? 0;
}
