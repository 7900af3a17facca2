import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '.';
import { gemeenten } from './schema';

export function create(db: Db, name: string): number {
	return db.insert(gemeenten).values({ name }).returning({ id: gemeenten.id }).get().id;
}

export function list(db: Db) {
	return db.select().from(gemeenten).orderBy(asc(gemeenten.name)).all();
}

export function get(db: Db, id: number) {
	return db.select().from(gemeenten).where(eq(gemeenten.id, id)).get();
}

export function total(db: Db): number {
	return db.select({ n: count() }).from(gemeenten).get()?.n ?? 0;
}
