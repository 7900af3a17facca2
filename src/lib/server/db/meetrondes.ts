import { and, asc, count, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '.';
import { meetrondes, responses, sessions } from './schema';

export interface NewMeetronde {
	name: string;
	startsOn: string;
	endsOn: string;
	gemeenteId?: number | null;
	leerbewegingId?: number | null;
}

export function create(db: Db, meetronde: NewMeetronde): number {
	return db.insert(meetrondes).values(meetronde).returning({ id: meetrondes.id }).get().id;
}

export function get(db: Db, id: number) {
	return db.select().from(meetrondes).where(eq(meetrondes.id, id)).get();
}

export function listForGemeente(db: Db, gemeenteId: number) {
	return db
		.select()
		.from(meetrondes)
		.where(eq(meetrondes.gemeenteId, gemeenteId))
		.orderBy(asc(meetrondes.startsOn))
		.all();
}

export function listForLeerbeweging(db: Db, leerbewegingId: number) {
	return db
		.select()
		.from(meetrondes)
		.where(eq(meetrondes.leerbewegingId, leerbewegingId))
		.orderBy(asc(meetrondes.startsOn))
		.all();
}

export function remove(db: Db, id: number): void {
	db.delete(meetrondes).where(eq(meetrondes.id, id)).run();
}

export function update(
	db: Db,
	id: number,
	meetronde: Pick<NewMeetronde, 'name' | 'startsOn' | 'endsOn'>
): void {
	db.update(meetrondes).set(meetronde).where(eq(meetrondes.id, id)).run();
}

/** How many sent questionnaires would be lost by deleting the round (started ones do not count). */
export function responseCount(db: Db, id: number): number {
	return (
		db
			.select({ n: count() })
			.from(responses)
			.innerJoin(sessions, eq(sessions.id, responses.sessionId))
			.where(and(eq(sessions.meetrondeId, id), isNotNull(responses.submittedAt)))
			.get()?.n ?? 0
	);
}
