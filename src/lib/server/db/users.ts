import { and, asc, count, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Actor } from '$lib/domain/access';
import type { Db } from '.';
import {
	gemeenten,
	invitations,
	leerbewegingen,
	memberships,
	users,
	userSessions,
	type UserRole
} from './schema';

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

export function get(db: Db, id: number) {
	return db.select().from(users).where(eq(users.id, id)).get();
}

export function total(db: Db): number {
	return db.select({ n: count() }).from(users).get()?.n ?? 0;
}

export function setPassword(db: Db, userId: number, passwordHash: string): void {
	db.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
}

export function remove(db: Db, userId: number): void {
	db.delete(users).where(eq(users.id, userId)).run();
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

/** Everyone with their memberships, by name: the beheerder's user list. */
export function listWithMemberships(db: Db) {
	const rows = db.select().from(users).orderBy(asc(users.name)).all();
	const scopes = db
		.select({
			userId: memberships.userId,
			gemeente: gemeenten.name,
			leerbeweging: leerbewegingen.name
		})
		.from(memberships)
		.leftJoin(gemeenten, eq(gemeenten.id, memberships.gemeenteId))
		.leftJoin(leerbewegingen, eq(leerbewegingen.id, memberships.leerbewegingId))
		.all();
	return rows.map((u) => ({
		id: u.id,
		email: u.email,
		name: u.name,
		role: u.role,
		active: u.passwordHash !== null,
		scopes: scopes.filter((s) => s.userId === u.id).map((s) => s.gemeente ?? s.leerbeweging ?? '')
	}));
}

/** The signed-in person as the access rules see them. */
export function actor(db: Db, userId: number): Actor | undefined {
	const user = get(db, userId);
	if (!user) return undefined;
	const rows = db.select().from(memberships).where(eq(memberships.userId, userId)).all();
	return {
		id: user.id,
		role: user.role,
		gemeenteIds: rows.flatMap((m) => (m.gemeenteId === null ? [] : [m.gemeenteId])),
		leerbewegingIds: rows.flatMap((m) => (m.leerbewegingId === null ? [] : [m.leerbewegingId]))
	};
}

export function createSession(db: Db, id: string, userId: number, expiresAt: Date): void {
	db.insert(userSessions).values({ id, userId, expiresAt }).run();
}

/** The user behind a session id (a token hash), if the session has not expired. */
export function findSession(db: Db, id: string, now = new Date()) {
	return db
		.select({
			userId: users.id,
			email: users.email,
			name: users.name,
			role: users.role,
			expiresAt: userSessions.expiresAt
		})
		.from(userSessions)
		.innerJoin(users, eq(users.id, userSessions.userId))
		.where(and(eq(userSessions.id, id), gt(userSessions.expiresAt, now)))
		.get();
}

export function extendSession(db: Db, id: string, expiresAt: Date): void {
	db.update(userSessions).set({ expiresAt }).where(eq(userSessions.id, id)).run();
}

export function deleteSession(db: Db, id: string): void {
	db.delete(userSessions).where(eq(userSessions.id, id)).run();
}

/** After a password change every other device must log in again. */
export function deleteOtherSessions(db: Db, userId: number, keepId: string): void {
	db.delete(userSessions)
		.where(and(eq(userSessions.userId, userId), ne(userSessions.id, keepId)))
		.run();
}

export function createInvitation(db: Db, userId: number, tokenHash: string, expiresAt: Date): void {
	db.insert(invitations).values({ userId, tokenHash, expiresAt }).run();
}

/** An unused, unexpired invitation and its user. */
export function findInvitation(db: Db, tokenHash: string, now = new Date()) {
	return db
		.select({
			id: invitations.id,
			userId: users.id,
			email: users.email,
			name: users.name,
			hasPassword: sql<number>`${users.passwordHash} IS NOT NULL`
		})
		.from(invitations)
		.innerJoin(users, eq(users.id, invitations.userId))
		.where(
			and(
				eq(invitations.tokenHash, tokenHash),
				gt(invitations.expiresAt, now),
				isNull(invitations.usedAt)
			)
		)
		.get();
}

/**
 * Sets the password and uses up the invitation in one transaction. Using one invitation uses up
 * every other open invitation of that user (an older link must not set the password again), and
 * ends the user's login sessions: whoever had the old password is signed out. False when the
 * invitation was used in the meantime.
 */
export function acceptInvitation(
	db: Db,
	invitationId: number,
	userId: number,
	passwordHash: string
): boolean {
	return db.transaction((tx) => {
		const used = tx
			.update(invitations)
			.set({ usedAt: new Date() })
			.where(and(eq(invitations.id, invitationId), isNull(invitations.usedAt)))
			.run();
		if (used.changes === 0) return false;
		tx.update(invitations)
			.set({ usedAt: new Date() })
			.where(and(eq(invitations.userId, userId), isNull(invitations.usedAt)))
			.run();
		tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
		tx.delete(userSessions).where(eq(userSessions.userId, userId)).run();
		return true;
	});
}
