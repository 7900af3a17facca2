import { gapSentence, withGaps } from '$lib/domain/desired';
import { sessionRadar } from '$lib/domain/session-radar';
import type { Questionnaire } from '$lib/domain/questionnaire';
import { sortAgenda, type AgendaOrder } from '$lib/domain/agenda';
import { suppressedSentence } from '$lib/domain/anonymity';
import { resultSummary } from '$lib/domain/scoring';
import { taskProfileSummary } from '$lib/domain/task-assignment';
import type { Db } from './db';
import * as results from './db/results';

/**
 * Everything the results page shows, built from what the anonymity rules let out of the database.
 * Comments are included only for those who may read them.
 */
export function buildSessionResults(
	db: Db,
	sessionId: number,
	questionnaire: Questionnaire,
	options: { includeComments: boolean; order: AgendaOrder }
) {
	const data = results.forSession(db, sessionId, { comments: options.includeComments });
	if (!data.visible) {
		const { visible, counted, partial, minRespondents, status, releasable } = data;
		return { visible, counted, partial, minRespondents, status, releasable };
	}
	const { dimensions, items } = data.figures;
	// Takenprofiel v2: more tasks is not better, so no radar and no "meest positief" summary.
	const tasks = questionnaire.assignment === true;
	return {
		visible: true as const,
		counted: data.counted,
		partial: data.partial,
		minRespondents: data.minRespondents,
		dimensions,
		agenda: sortAgenda(withGaps(items, dimensions), options.order),
		taskView: tasks,
		summary: [
			tasks ? taskProfileSummary(data.figures.taskProfile) : resultSummary(dimensions),
			gapSentence(dimensions),
			suppressedSentence(dimensions, data.minRespondents)
		]
			.filter(Boolean)
			.join(' '),
		taskProfile: data.figures.taskProfile,
		comments: options.includeComments
			? questionnaire.dimensions
					.map((d) => ({
						dimensionId: d.id,
						title: d.title,
						comments: data.comments.get(d.id) ?? []
					}))
					.filter((c) => c.comments.length > 0)
			: null,
		hiddenComments: options.includeComments ? data.hiddenComments : 0,
		radar: tasks ? null : sessionRadar(dimensions, questionnaire.scale)
	};
}
