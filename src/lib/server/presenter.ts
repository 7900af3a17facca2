import {
	dimensionHighlights,
	presentationSteps,
	stepFromQuery,
	type PresentationStep
} from '$lib/domain/presentation';
import { resultSummary } from '$lib/domain/scoring';
import type { Db } from './db';
import * as questionnaireVersions from './db/questionnaire-versions';
import * as results from './db/results';
import type { FollowUp } from '$lib/domain/follow-up';
import type * as conversation from './db/conversation';
import { buildSessionResults } from './session-results';

/** Last round's verbeteracties with what the team said of them, for the look-back step. */
export interface LookBack {
	meetrondeName: string;
	actions: (ReturnType<typeof conversation.actionsOf>[number] & { followUp: FollowUp | null })[];
}

const titlesOf = (questionnaire: { dimensions: { id: string; title: string }[] }) =>
	Object.fromEntries(questionnaire.dimensions.map((d) => [d.id, d.title]));

/**
 * What the beamer reveals of a session: everything comes from the results page's own builder (the
 * one gate behind it), so the radar is the very same figures object, and comments only through
 * the gate's `beamerComments`. Before release there is only the join step and why.
 */
export function presenterReveal(
	db: Db,
	session: { id: number; questionnaireVersionId: number },
	rawStep: string | null,
	lookBack: LookBack | null = null
) {
	const hasLookBack = lookBack !== null && lookBack.actions.length > 0;
	const questionnaire = questionnaireVersions.definition(db, session.questionnaireVersionId)!;
	// Questionnaire order: ties among the highlights keep the order the team answered in.
	const shown = buildSessionResults(db, session.id, questionnaire, {
		includeComments: false,
		order: 'vragenlijst'
	});
	if (!shown.visible) {
		const steps: PresentationStep[] = presentationSteps(false, [], shown.status, hasLookBack);
		const { status, releasable, counted, minRespondents } = shown;
		return {
			steps,
			step: stepFromQuery(rawStep, steps.length),
			waiting: { status, releasable, counted, minRespondents },
			lookBack: hasLookBack ? lookBack : null,
			dimensionTitles: titlesOf(questionnaire),
			reveal: null
		};
	}
	const steps = presentationSteps(true, shown.dimensions, 'closed', hasLookBack);
	const comments = results.beamerComments(db, session.id);
	const points = questionnaire.scale.points;
	return {
		steps,
		step: stepFromQuery(rawStep, steps.length),
		waiting: null,
		lookBack: hasLookBack ? lookBack : null,
		dimensionTitles: titlesOf(questionnaire),
		reveal: {
			radar: shown.radar,
			// Without the sentence on left-out figures: the table says "te weinig scores" in place.
			summary: shown.taskView ? shown.summary : resultSummary(shown.dimensions),
			dimensions: shown.dimensions,
			// Takenprofiel v2: the tasks' table and bars in place of the radar and its table.
			taskProfile: shown.taskView ? shown.taskProfile : null,
			counted: shown.counted,
			minRespondents: shown.minRespondents,
			scale: { min: points[0].value, max: points[points.length - 1].value },
			topics: questionnaire.dimensions.map((d) => ({
				dimensionId: d.id,
				description: d.description,
				...dimensionHighlights(shown.agenda, d.id),
				questions: d.guide?.questions ?? [],
				comments: comments.get(d.id) ?? []
			}))
		}
	};
}
