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
}

export function aggregateSession(
	questionnaire: Questionnaire,
	responses: readonly ResponseRecord[]
): SessionAggregates {
	const desired = desiredStatistics(questionnaire, responses);
	return {
		dimensions: dimensionStatistics(questionnaire, responses).map((d) => {
			const wanted = desired.get(d.dimensionId);
			return wanted ? { ...d, desired: wanted } : d;
		}),
		items: itemStatistics(questionnaire, responses),
		taskProfile: taskProfile(questionnaire, responses)
	};
}
