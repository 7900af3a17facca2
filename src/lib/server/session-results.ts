import { radarConfig } from '$lib/domain/radar';
import type { Questionnaire } from '$lib/domain/questionnaire';
import { sortAgenda, type AgendaOrder } from '$lib/domain/agenda';
import { resultSummary } from '$lib/domain/scoring';
import type { Db } from './db';
import * as results from './db/results';

/**
 * Everything the results page shows, built from what the anonymity rule lets out of the database.
 * Comments are included only for those who may read them.
 */
export function buildSessionResults(
	db: Db,
	sessionId: number,
	questionnaire: Questionnaire,
	options: { includeComments: boolean; order: AgendaOrder }
) {
	const data = results.forSession(db, sessionId);
	if (!data.visible)
		return {
			visible: false as const,
			submitted: data.submitted,
			minRespondents: data.minRespondents,
			status: data.status
		};
	const { dimensions, items } = data.figures;
	const points = questionnaire.scale.points;
	return {
		visible: true as const,
		submitted: data.submitted,
		minRespondents: data.minRespondents,
		dimensions,
		agenda: sortAgenda(items, options.order),
		summary: resultSummary(dimensions),
		taskProfile: data.figures.taskProfile,
		comments: options.includeComments
			? questionnaire.dimensions
					.map((d) => ({
						dimensionId: d.id,
						title: d.title,
						bodies: data.comments.get(d.id) ?? []
					}))
					.filter((c) => c.bodies.length > 0)
			: null,
		radar: radarConfig({
			axes: dimensions.map((d) => d.chartLabel),
			scaleMin: points[0].value,
			scaleMax: points[points.length - 1].value,
			series: [{ label: 'Gemiddelde van het team', values: dimensions.map((d) => d.mean) }],
			band: {
				label: 'Spreiding tussen teamleden',
				low: dimensions.map((d) => d.min),
				high: dimensions.map((d) => d.max)
			}
		})
	};
}
