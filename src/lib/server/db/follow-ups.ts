import { and, desc, eq, inArray } from 'drizzle-orm';
import type { FollowUp } from '$lib/domain/follow-up';
import type { Db } from '.';
import { actionFollowUps } from './schema';

/**
 * Records what came of an earlier verbeteractie, at the session where the team looked back on
 * it. Saving again overwrites: the team may change its mind during the conversation. The caller
 * checks that the action belongs to this team's previous round.
 */
export function save(db: Db, sessionId: number, actionId: number, followUp: FollowUp): void {
	const { done, helped } = followUp;
	db.insert(actionFollowUps)
		.values({ actionId, sessionId, done, helped })
		.onConflictDoUpdate({
			target: [actionFollowUps.actionId, actionFollowUps.sessionId],
			set: { done, helped, updatedAt: new Date() }
		})
		.run();
}

/** Actions with the follow-up recorded at this session (null when not looked back on yet). */
export function withFollowUps<T extends { id: number }>(
	db: Db,
	sessionId: number,
	actions: readonly T[]
): (T & { followUp: FollowUp | null })[] {
	const rows = db
		.select()
		.from(actionFollowUps)
		.where(
			and(
				eq(actionFollowUps.sessionId, sessionId),
				inArray(
					actionFollowUps.actionId,
					actions.map((a) => a.id)
				)
			)
		)
		.all();
	const byAction = new Map(rows.map((r) => [r.actionId, { done: r.done, helped: r.helped }]));
	return actions.map((a) => ({ ...a, followUp: byAction.get(a.id) ?? null }));
}

/**
 * Per action the latest follow-up recorded at a session the reader may see (`visible`), for the
 * comparison over rounds. A look back from a session outside the reader's scope stays out.
 */
export function latestVisible(
	db: Db,
	actionIds: readonly number[],
	visible: (sessionId: number) => boolean
): Map<number, FollowUp> {
	const out = new Map<number, FollowUp>();
	for (let start = 0; start < actionIds.length; start += 500) {
		const rows = db
			.select()
			.from(actionFollowUps)
			.where(inArray(actionFollowUps.actionId, actionIds.slice(start, start + 500)))
			.orderBy(desc(actionFollowUps.updatedAt))
			.all();
		for (const r of rows) {
			if (out.has(r.actionId) || !visible(r.sessionId)) continue;
			out.set(r.actionId, { done: r.done, helped: r.helped });
		}
	}
	return out;
}
