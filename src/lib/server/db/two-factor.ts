import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '.';
import { writeTransaction } from './transaction';
import { recoveryCodes, users } from './schema';

/**
 * Turns two-factor sign-in on with a confirmed secret and fresh recovery codes (old ones are
 * gone), in one transaction.
 */
export function enable(
	db: Db,
	userId: number,
	secret: string,
	counter: number,
	codeHashes: string[]
): void {
	writeTransaction(db, (tx) => {
		tx.update(users)
			.set({ totpSecret: secret, totpLastCounter: counter })
			.where(eq(users.id, userId))
			.run();
		tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
		for (const codeHash of codeHashes) tx.insert(recoveryCodes).values({ userId, codeHash }).run();
	});
}

/** Turns it off: secret and recovery codes are removed. */
export function disable(db: Db, userId: number): void {
	writeTransaction(db, (tx) => {
		tx.update(users)
			.set({ totpSecret: null, totpLastCounter: null })
			.where(eq(users.id, userId))
			.run();
		tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
	});
}

export function secretOf(
	db: Db,
	userId: number
): { secret: string; lastCounter: number | null } | undefined {
	const row = db
		.select({ secret: users.totpSecret, lastCounter: users.totpLastCounter })
		.from(users)
		.where(eq(users.id, userId))
		.get();
	return row?.secret ? { secret: row.secret, lastCounter: row.lastCounter } : undefined;
}

/**
 * Records a used time step; false when this or a later step was used in the meantime (two
 * requests with the same code at once: only one gets in).
 */
export function useCounter(db: Db, userId: number, counter: number): boolean {
	const result = db
		.update(users)
		.set({ totpLastCounter: counter })
		.where(
			and(
				eq(users.id, userId),
				or(isNull(users.totpLastCounter), lt(users.totpLastCounter, counter))
			)
		)
		.run();
	return result.changes === 1;
}

/** Uses up a recovery code; false when it is unknown or was used before. */
export function useRecoveryCode(db: Db, userId: number, codeHash: string): boolean {
	const result = db
		.update(recoveryCodes)
		.set({ usedAt: new Date() })
		.where(
			and(
				eq(recoveryCodes.userId, userId),
				eq(recoveryCodes.codeHash, codeHash),
				isNull(recoveryCodes.usedAt)
			)
		)
		.run();
	return result.changes === 1;
}

export function unusedRecoveryCodes(db: Db, userId: number): number {
	return (
		db
			.select({ n: count() })
			.from(recoveryCodes)
			.where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
			.get()?.n ?? 0
	);
}
