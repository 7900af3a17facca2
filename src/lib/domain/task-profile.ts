import { scoredValue, type Questionnaire } from './questionnaire';
import type { ResponseRecord } from './scoring';

export interface TaskProfileRow {
	itemId: string;
	statement: string;
	/** respondents per scale value (lowest first), "weet ik niet" left out */
	counts: number[];
	/** share of scoring respondents who say the team does this at least partly (0-1) */
	doneShare: number | null;
	/** the national reference: share of gemeenten whose teams do this task (0-100) */
	reference: { percentage: number; source: string };
}

/**
 * A team's task profile beside the national picture: for every statement that carries a
 * reference percentage, how the team answered and which share says the team does it.
 */
export function taskProfile(
	questionnaire: Questionnaire,
	responses: readonly ResponseRecord[]
): TaskProfileRow[] {
	const points = questionnaire.scale.points.map((p) => p.value);
	const lowest = points[0];
	const rows: TaskProfileRow[] = [];
	for (const dimension of questionnaire.dimensions) {
		for (const item of dimension.items) {
			if (!item.reference) continue;
			const counts = points.map(() => 0);
			for (const response of responses) {
				const answer = response.answers.find((a) => a.itemId === item.id);
				if (!answer || answer.dontKnow || answer.value === null) continue;
				const index = points.indexOf(scoredValue(questionnaire.scale, item, answer.value));
				if (index >= 0) counts[index]++;
			}
			const total = counts.reduce((a, b) => a + b, 0);
			const done = total - counts[points.indexOf(lowest)];
			rows.push({
				itemId: item.id,
				statement: item.statement,
				counts,
				doneShare: total === 0 ? null : done / total,
				reference: item.reference
			});
		}
	}
	return rows;
}
