import { and, asc, count, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Actor } from '$lib/domain/access';
import type { SignInDecision, SignInMethod } from '$lib/domain/organisation-login';
import type { Db } from '.';
import { writeTransaction } from './transaction';
import * as audit from './audit';
import {
	gemeenten,
	invitations,
	leerbewegingen,
	memberships,
	recoveryCodes,
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
		active: u.passwordHash !== null || u.oidcSubject !== null,
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

export function createSession(
	db: Db,
	id: string,
	userId: number,
	expiresAt: Date,
	method: SignInMethod = 'wachtwoord'
): void {
	db.insert(userSessions).values({ id, userId, expiresAt, method }).run();
}

/** The account linked to an organisation account (issuer#sub). */
export function findBySubject(db: Db, subject: string) {
	return db.select().from(users).where(eq(users.oidcSubject, subject)).get();
}

/**
 * Carries out an organisation sign-in decision: links the account on first sign-in, or makes the
 * account a mapped group allows, with a line in the audit log. Returns the user's id.
 */
export function applyOrganisationSignIn(
	db: Db,
	decision: Exclude<SignInDecision, { kind: 'refused' }>
): number {
	if (decision.kind === 'existing') return decision.userId;
	return writeTransaction(db, (tx) => {
		if (decision.kind === 'link') {
			tx.update(users)
				.set({ oidcSubject: decision.subject })
				.where(eq(users.id, decision.userId))
				.run();
			const user = get(tx, decision.userId)!;
			audit.record(tx, user, 'organisatie-account gekoppeld', user.email);
			return user.id;
		}
		const id = tx
			.insert(users)
			.values({
				email: decision.email,
				name: decision.name,
				role: decision.role,
				passwordHash: null,
				oidcSubject: decision.subject
			})
			.returning({ id: users.id })
			.get().id;
		audit.record(
			tx,
			{ id, email: decision.email },
			'account gemaakt via organisatie-groep',
			`${decision.email} (${decision.role})`
		);
		return id;
	});
}

/** The user behind a session id (a token hash), if the session has not expired. */
export function findSession(db: Db, id: string, now = new Date()) {
	return db
		.select({
			userId: users.id,
			email: users.email,
			name: users.name,
			role: users.role,
			expiresAt: userSessions.expiresAt,
			method: userSessions.method,
			hasTotp: sql<boolean>`${users.totpSecret} IS NOT NULL`.mapWith(Boolean)
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
 * ends the user's login sessions: whoever had the old password is signed out. It also resets
 * two-factor sign-in (the beheerder's way to help someone who lost their phone). False when the
 * invitation was used in the meantime.
 */
export function acceptInvitation(
	db: Db,
	invitationId: number,
	userId: number,
	passwordHash: string
): boolean {
	return writeTransaction(db, (tx) => {
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
		// A new invitation is also the way back for someone who lost both phone and recovery
		// codes: the code from the app is reset with the password, to be set up again.
		tx.update(users)
			.set({ passwordHash, totpSecret: null, totpLastCounter: null })
			.where(eq(users.id, userId))
			.run();
		tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
		tx.delete(userSessions).where(eq(userSessions.userId, userId)).run();
		return true;
	});
}
