import { desiredStatistics } from './desired';
import type { Questionnaire } from './questionnaire';
import {
	dimensionStatistics,
	itemStatistics,
	type DimensionStatistics,
	type ItemStatistics,
	type ResponseRecord
} from './scoring';
import { taskProfile, type TaskProfileRow } from './task-profile';

/**
 * Everything that is ever shown of a closed session, computed once when it closes. Answers
 * cannot change after closing, so these figures stay exact; reading them is what keeps
 * comparisons over hundreds of sessions fast.
 */
export interface SessionAggregates {
	dimensions: DimensionStatistics[];
	items: ItemStatistics[];
	taskProfile: TaskProfileRow[];
	/** the part of `items` a dimension's figure is made from (see anonymity.ts) */
	itemScores: ItemScore[];
}

/**
 * One statement's count, mean and spread: all a dimension's shown figure needs of it. Stored apart
 * from the full statement figures (a tenth of their size, without the statement texts), so a
 * comparison of hundreds of sessions does not parse every statement's text.
 */
export type ItemScore = [dimensionId: string, n: number, mean: number | null, sd: number | null];

/** The scores of the statements, in their order. */
export function itemScores(items: readonly ItemStatistics[]): ItemScore[] {
	return items.map((i) => [i.dimensionId, i.n, i.mean, i.sd]);
}

export function aggregateSession(
	questionnaire: Questionnaire,
	responses: readonly ResponseRecord[]
): SessionAggregates {
	const items = itemStatistics(questionnaire, responses);
	const desired = desiredStatistics(questionnaire, responses);
	return {
		dimensions: dimensionStatistics(questionnaire, responses).map((d) => {
			const wanted = desired.get(d.dimensionId);
			return wanted ? { ...d, desired: wanted } : d;
		}),
		items,
		taskProfile: taskProfile(questionnaire, responses),
		itemScores: itemScores(items)
	};
}
