import type { Dimension, Questionnaire } from './questionnaire';
import { formatScore, summarize, type Summary } from './scoring';

/**
 * "Gewenst": once per dimension, where a team member wants the team to be in a year, on the same
 * scale as the statements. The gap between that and the team's score now is what the team works on.
 * Asked per dimension, not per statement: the conversation, the radar and the verbeteracties are
 * per dimension, and it keeps the questionnaire within 10-15 minutes.
 */

/** Form field of a dimension's "gewenst" answer; stable, so tests and scripts can use it. */
export { desiredField } from './form-fields';

/** The question on each dimension's page. */
export const DESIRED_QUESTION = 'Waar wil je dat jullie team over een jaar staat?';
export const DESIRED_HELP =
	'Denk aan alle stellingen op deze pagina samen. Hoe eens wil je het er over een jaar mee kunnen zijn?';
/** Only on pages with a negative statement: there a higher score means less of the problem. */
export const DESIRED_REVERSE_HELP =
	'Bij een stelling over wat niet goed gaat, betekent een hogere score: daar hebben jullie minder last van.';

/** One "gewenst" answer, as stored with an anonymous response. */
export interface DesiredRecord {
	dimensionId: string;
	value: number | null;
	dontKnow: boolean;
}

/** The statistics of a dimension's "gewenst" answers. */
export interface DesiredStatistics extends Summary {
	dontKnow: number;
	answered: number;
}

/** Whether a dimension's page carries a negative (reverse-scored) statement. */
export function hasReverseItem(dimension: Pick<Dimension, 'items'>): boolean {
	return dimension.items.some((item) => item.reverse);
}

/**
 * Per dimension id, the statistics of the "gewenst" answers; empty when the questionnaire does not
 * ask them. The answer is about the dimension as a whole, already meant as "higher is better",
 * so no reverse scoring applies.
 */
export function desiredStatistics(
	questionnaire: Pick<Questionnaire, 'dimensions' | 'gewenst' | 'scale'>,
	responses: readonly { desired?: readonly DesiredRecord[] }[]
): Map<string, DesiredStatistics> {
	const out = new Map<string, DesiredStatistics>();
	if (!questionnaire.gewenst) return out;
	const points = questionnaire.scale.points;
	const inScale = (v: number) => v >= points[0].value && v <= points[points.length - 1].value;
	for (const dimension of questionnaire.dimensions) {
		const values: number[] = [];
		let dontKnow = 0;
		for (const response of responses) {
			const answer = response.desired?.find((a) => a.dimensionId === dimension.id);
			if (!answer) continue;
			if (answer.dontKnow) dontKnow++;
			else if (answer.value !== null && Number.isFinite(answer.value) && inScale(answer.value)) {
				values.push(answer.value);
			}
		}
		out.set(dimension.id, { ...summarize(values), dontKnow, answered: values.length + dontKnow });
	}
	return out;
}

/** Gewenst minus nu: how far the team wants to move; null when either is not shown. */
export function gap(now: number | null, desired: number | null): number | null {
	if (now === null || desired === null) return null;
	return desired - now;
}

/** A gap with its sign, so "+1,2" reads as "one point two higher wanted". */
export function formatGap(value: number | null): string {
	if (value === null) return '–';
	const text = formatScore(value);
	return value > 0 && text !== '0,0' ? `+${text}` : text;
}

/** One sentence naming the dimension with the largest gap, or '' when no gap is shown. */
export function gapSentence(
	dimensions: readonly { title: string; mean: number | null; gap: number | null }[]
): string {
	const shown = dimensions.filter(
		(d): d is typeof d & { gap: number; mean: number } => d.gap !== null && d.mean !== null
	);
	if (shown.length === 0) return '';
	// First of the largest, so ties follow questionnaire order.
	const largest = shown.reduce((best, d) => (d.gap > best.gap ? d : best));
	if (formatScore(largest.gap) === '0,0' || largest.gap < 0) {
		return 'Het team wil ongeveer blijven waar het nu staat: nu en gewenst liggen dicht bij elkaar.';
	}
	return (
		`Het verschil tussen nu en gewenst is het grootst bij ${largest.title} ` +
		`(nu ${formatScore(largest.mean)}, gewenst ${formatScore(largest.mean + largest.gap)}).`
	);
}

/**
 * Each statement with its distance to where the team wants its dimension to be: the dimension's
 * "gewenst" mean minus the statement's mean. Both are shown figures, so the gap shows nothing new.
 * Undefined gaps (no "gewenst" asked) stay absent, so screens can leave the column out.
 */
export function withGaps<
	I extends { dimensionId: string; mean: number | null },
	D extends { dimensionId: string; desired: { mean: number | null } | null }
>(items: readonly I[], dimensions: readonly D[]): (I & { gap?: number | null })[] {
	const desired = new Map(dimensions.map((d) => [d.dimensionId, d.desired]));
	return items.map((item) => {
		const wanted = desired.get(item.dimensionId);
		return wanted ? { ...item, gap: gap(item.mean, wanted.mean) } : item;
	});
}
