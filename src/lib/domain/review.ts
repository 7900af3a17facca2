import type { Questionnaire } from './questionnaire';

export interface ReviewItem {
	itemId: string;
	number: number;
	statement: string;
	/** the chosen point's label, "Weet ik niet", or null when not answered */
	answer: string | null;
	flagged: boolean;
}

export interface ReviewStep {
	step: number;
	title: string;
	items: ReviewItem[];
	comment: string;
}

/**
 * Every statement with the answer given, per questionnaire page, for the check before sending.
 * Numbers run on across pages as on the questionnaire pages themselves.
 */
export function reviewAnswers(
	questionnaire: Questionnaire,
	answers: Iterable<{ itemId: string; value: number | null; dontKnow: boolean; flagged: boolean }>,
	comments: Iterable<{ dimensionId: string; body: string }> = []
): ReviewStep[] {
	const byItem = new Map([...answers].map((a) => [a.itemId, a]));
	const commentOf = new Map([...comments].map((c) => [c.dimensionId, c.body]));
	const labels = new Map(questionnaire.scale.points.map((p) => [p.value, p.label]));
	let number = 0;
	return questionnaire.dimensions.map((dimension, index) => ({
		step: index + 1,
		title: dimension.title,
		comment: commentOf.get(dimension.id) ?? '',
		items: dimension.items.map((item) => {
			number++;
			const given = byItem.get(item.id);
			const answer = given?.dontKnow
				? (questionnaire.scale.dontKnow ?? 'Weet ik niet')
				: given?.value != null
					? (labels.get(given.value) ?? String(given.value))
					: null;
			return {
				itemId: item.id,
				number,
				statement: item.statement,
				answer,
				flagged: given?.flagged ?? false
			};
		})
	}));
}
