import { count, eq } from 'drizzle-orm';
import type { Db } from '.';
import { memberships, users, type UserRole } from './schema';

export interface NewUser {
	email: string;
	name: string;
	role: UserRole;
	passwordHash: string | null;
}

export function create(db: Db, user: NewUser): number {
	return db
		.insert(users)
		.values({ ...user, email: user.email.toLowerCase() })
		.returning({ id: users.id })
		.get().id;
}

export function findByEmail(db: Db, email: string) {
	return db.select().from(users).where(eq(users.email, email.toLowerCase())).get();
}

export function total(db: Db): number {
	return db.select({ n: count() }).from(users).get()?.n ?? 0;
}

export function addMembership(
	db: Db,
	userId: number,
	scope: { gemeenteId: number } | { leerbewegingId: number }
): void {
	db.insert(memberships)
		.values({ userId, ...scope })
		.run();
}
