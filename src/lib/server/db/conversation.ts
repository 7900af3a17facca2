import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '.';
import { conclusions, improvementActions, type ActionStatus } from './schema';

/** What the team concluded per dimension, keyed by dimension id. */
export function conclusionsOf(db: Db, sessionId: number) {
	const rows = db.select().from(conclusions).where(eq(conclusions.sessionId, sessionId)).all();
	return new Map(
		rows.map((r) => [r.dimensionId, { goesWell: r.goesWell, canImprove: r.canImprove }])
	);
}

/** The conclusions of many sessions: per session, keyed by dimension id. */
export function conclusionsOfSessions(db: Db, sessionIds: readonly number[]) {
	const out = new Map<number, Map<string, { goesWell: string; canImprove: string }>>();
	for (let start = 0; start < sessionIds.length; start += 500) {
		const rows = db
			.select()
			.from(conclusions)
			.where(inArray(conclusions.sessionId, sessionIds.slice(start, start + 500)))
			.all();
		for (const r of rows) {
			const forSession = out.get(r.sessionId) ?? new Map();
			forSession.set(r.dimensionId, { goesWell: r.goesWell, canImprove: r.canImprove });
			out.set(r.sessionId, forSession);
		}
	}
	return out;
}

export function saveConclusion(
	db: Db,
	sessionId: number,
	dimensionId: string,
	goesWell: string,
	canImprove: string
): void {
	db.insert(conclusions)
		.values({ sessionId, dimensionId, goesWell, canImprove })
		.onConflictDoUpdate({
			target: [conclusions.sessionId, conclusions.dimensionId],
			set: { goesWell, canImprove, updatedAt: new Date() }
		})
		.run();
}

export interface NewAction {
	dimensionId: string;
	what: string;
	who: string;
	dueOn: string | null;
	status: ActionStatus;
	carriedFromId?: number | null;
}

export function addAction(db: Db, sessionId: number, action: NewAction): number {
	return db
		.insert(improvementActions)
		.values({ sessionId, ...action })
		.returning({ id: improvementActions.id })
		.get().id;
}

export function actionsOf(db: Db, sessionId: number) {
	return db
		.select()
		.from(improvementActions)
		.where(eq(improvementActions.sessionId, sessionId))
		.orderBy(asc(improvementActions.id))
		.all();
}

/** The actions of many sessions, for exports: in session order, then as they were added. */
export function actionsOfSessions(db: Db, sessionIds: readonly number[]) {
	const rows = [];
	for (let start = 0; start < sessionIds.length; start += 500) {
		rows.push(
			...db
				.select()
				.from(improvementActions)
				.where(inArray(improvementActions.sessionId, sessionIds.slice(start, start + 500)))
				.orderBy(asc(improvementActions.sessionId), asc(improvementActions.id))
				.all()
		);
	}
	return rows;
}

/** Changes the status of an action of this session; false when the action is not this session's. */
export function setActionStatus(
	db: Db,
	sessionId: number,
	actionId: number,
	status: ActionStatus
): boolean {
	const result = db
		.update(improvementActions)
		.set({ status })
		.where(and(eq(improvementActions.id, actionId), eq(improvementActions.sessionId, sessionId)))
		.run();
	return result.changes === 1;
}

export type ActionChanges = Pick<NewAction, 'dimensionId' | 'what' | 'who' | 'dueOn'>;

/** Rewrites an action of this session; false when the action is not this session's. */
export function updateAction(
	db: Db,
	sessionId: number,
	actionId: number,
	changes: ActionChanges
): boolean {
	const { dimensionId, what, who, dueOn } = changes;
	const result = db
		.update(improvementActions)
		.set({ dimensionId, what, who, dueOn })
		.where(and(eq(improvementActions.id, actionId), eq(improvementActions.sessionId, sessionId)))
		.run();
	return result.changes === 1;
}

/**
 * Deletes an action of this session; false when the action is not this session's. A copy carried
 * into a later round stays: that round decided to keep working on it.
 */
export function deleteAction(db: Db, sessionId: number, actionId: number): boolean {
	const result = db
		.delete(improvementActions)
		.where(and(eq(improvementActions.id, actionId), eq(improvementActions.sessionId, sessionId)))
		.run();
	return result.changes === 1;
}

/** Carries an earlier session's unfinished action into this one, once. */
export function carryOver(db: Db, sessionId: number, actionId: number): boolean {
	const source = db
		.select()
		.from(improvementActions)
		.where(eq(improvementActions.id, actionId))
		.get();
	if (!source) return false;
	const already = db
		.select({ id: improvementActions.id })
		.from(improvementActions)
		.where(
			and(
				eq(improvementActions.sessionId, sessionId),
				eq(improvementActions.carriedFromId, actionId)
			)
		)
		.get();
	if (already) return true;
	addAction(db, sessionId, {
		dimensionId: source.dimensionId,
		what: source.what,
		who: source.who,
		dueOn: source.dueOn,
		status: source.status,
		carriedFromId: source.id
	});
	return true;
}
