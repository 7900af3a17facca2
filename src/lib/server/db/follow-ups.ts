import { inArray } from 'drizzle-orm';
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
			target: actionFollowUps.actionId,
			set: { sessionId, done, helped, updatedAt: new Date() }
		})
		.run();
}

/** The follow-ups of these actions, by action id; actions not looked back on are absent. */
export function ofActions(db: Db, actionIds: readonly number[]): Map<number, FollowUp> {
	const out = new Map<number, FollowUp>();
	for (let start = 0; start < actionIds.length; start += 500) {
		const rows = db
			.select()
			.from(actionFollowUps)
			.where(inArray(actionFollowUps.actionId, actionIds.slice(start, start + 500)))
			.all();
		for (const r of rows) out.set(r.actionId, { done: r.done, helped: r.helped });
	}
	return out;
}

/** Actions with their follow-up (null when not looked back on yet). */
export function withFollowUps<T extends { id: number }>(
	db: Db,
	actions: readonly T[]
): (T & { followUp: FollowUp | null })[] {
	const followUps = ofActions(
		db,
		actions.map((a) => a.id)
	);
	return actions.map((a) => ({ ...a, followUp: followUps.get(a.id) ?? null }));
}
