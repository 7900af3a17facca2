import type { AssignmentRecord } from './task-assignment';
import type { DesiredRecord, DesiredStatistics } from './desired';
import type { Questionnaire } from './questionnaire';
import { scoredValue } from './scale';

/** The lowest minimum a facilitator may set: with fewer, one person's answers can be guessed. */
export const MIN_RESPONDENTS_FLOOR = 3;
/** The minimum number of respondents before results show, as employee-survey vendors use. */
export const DEFAULT_MIN_RESPONDENTS = 5;

/** One answer to one statement, as stored with an anonymous response. */
export interface AnswerRecord {
	itemId: string;
	value: number | null;
	dontKnow: boolean;
	flagged: boolean;
}

/** One anonymous submitted response. */
export interface ResponseRecord {
	answers: AnswerRecord[];
	/** "gewenst" per dimension, for questionnaires that ask it */
	desired?: DesiredRecord[];
	/** "hoort dit bij de opdracht?" per task, for a takenprofiel from version 2 on */
	assignment?: AssignmentRecord[];
}

/** Descriptive statistics of a list of scores; every field but n is null when there are none. */
export interface Summary {
	n: number;
	mean: number | null;
	median: number | null;
	sd: number | null;
	min: number | null;
	max: number | null;
	q1: number | null;
	q3: number | null;
}

/** Quantile of sorted values by linear interpolation between order statistics (R type 7). */
function quantile(sorted: readonly number[], p: number): number {
	const h = (sorted.length - 1) * p;
	const lo = Math.floor(h);
	const hi = Math.min(lo + 1, sorted.length - 1);
	const value = sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
	// Rounding must never push an interpolated value outside its two neighbours.
	return Math.min(Math.max(value, sorted[lo]), sorted[hi]);
}

/** Count, mean, median, sample standard deviation, range and quartiles of a list of scores. */
export function summarize(values: readonly number[]): Summary {
	const n = values.length;
	if (n === 0) {
		return { n, mean: null, median: null, sd: null, min: null, max: null, q1: null, q3: null };
	}
	// Summing in sorted order makes the result independent of the order respondents came in.
	// Adding 0 turns -0 into 0, which sorting cannot tell apart but equality checks can.
	const sorted = values.map((v) => v + 0).sort((a, b) => a - b);
	const min = sorted[0];
	const max = sorted[n - 1];
	let sum = 0;
	for (const v of sorted) sum += v;
	// Floating-point rounding can put sum / n a hair outside the range; the true mean never is.
	const mean = Math.min(Math.max(sum / n, min), max);
	let sd: number | null = null;
	if (n >= 2) {
		let squares = 0;
		for (const v of sorted) squares += (v - mean) ** 2;
		sd = Math.sqrt(squares / (n - 1));
	}
	return {
		n,
		mean,
		median: quantile(sorted, 0.5),
		sd,
		min,
		max,
		q1: quantile(sorted, 0.25),
		q3: quantile(sorted, 0.75)
	};
}

/** Statistics of one statement over all responses. */
export interface ItemStatistics extends Summary {
	itemId: string;
	dimensionId: string;
	statement: string;
	reverse: boolean;
	dontKnow: number;
	dontKnowShare: number;
	flags: number;
	answered: number;
}

/** Statistics of one dimension: a summary of the respondents' mean scores there. */
export interface DimensionStatistics extends Summary {
	dimensionId: string;
	title: string;
	chartLabel: string;
	dontKnowShare: number;
	flags: number;
	/** the "gewenst" answers; absent when the questionnaire does not ask them */
	desired?: DesiredStatistics;
}

type AnswerKind = 'scored' | 'dontKnow' | 'none';

/** How an answer counts; "weet ik niet" wins over a value so it never enters a mean. */
function kindOf(answer: AnswerRecord): AnswerKind {
	if (answer.dontKnow) return 'dontKnow';
	if (answer.value !== null && Number.isFinite(answer.value)) return 'scored';
	return 'none';
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

/** Per statement, in questionnaire order: scores after reverse scoring, "weet ik niet" and flags. */
export function itemStatistics(
	questionnaire: Questionnaire,
	responses: readonly ResponseRecord[]
): ItemStatistics[] {
	const tallies = new Map<string, { values: number[]; dontKnow: number; flags: number }>();
	for (const dimension of questionnaire.dimensions) {
		for (const item of dimension.items) tallies.set(item.id, { values: [], dontKnow: 0, flags: 0 });
	}
	const items = new Map(
		questionnaire.dimensions.flatMap((d) => d.items.map((item) => [item.id, item] as const))
	);
	for (const response of responses) {
		for (const answer of response.answers) {
			const tally = tallies.get(answer.itemId);
			const item = items.get(answer.itemId);
			// Answers to statements that are no longer in the questionnaire cannot be placed.
			if (!tally || !item) continue;
			if (answer.flagged) tally.flags++;
			const kind = kindOf(answer);
			if (kind === 'dontKnow') tally.dontKnow++;
			else if (kind === 'scored') {
				tally.values.push(scoredValue(questionnaire.scale, item, answer.value as number));
			}
		}
	}
	return questionnaire.dimensions.flatMap((dimension) =>
		dimension.items.map((item) => {
			const tally = tallies.get(item.id)!;
			const answered = tally.values.length + tally.dontKnow;
			return {
				itemId: item.id,
				dimensionId: dimension.id,
				statement: item.statement,
				reverse: item.reverse ?? false,
				...summarize(tally.values),
				dontKnow: tally.dontKnow,
				dontKnowShare: share(tally.dontKnow, answered),
				flags: tally.flags,
				answered
			};
		})
	);
}

/** Per dimension: a summary over each respondent's mean score there, so every person counts once. */
export function dimensionStatistics(
	questionnaire: Questionnaire,
	responses: readonly ResponseRecord[]
): DimensionStatistics[] {
	return questionnaire.dimensions.map((dimension) => {
		const items = new Map(dimension.items.map((item) => [item.id, item]));
		const respondentMeans: number[] = [];
		let answered = 0;
		let dontKnow = 0;
		let flags = 0;
		for (const response of responses) {
			let sum = 0;
			let count = 0;
			for (const answer of response.answers) {
				const item = items.get(answer.itemId);
				if (!item) continue;
				if (answer.flagged) flags++;
				const kind = kindOf(answer);
				if (kind === 'dontKnow') {
					dontKnow++;
					answered++;
				} else if (kind === 'scored') {
					sum += scoredValue(questionnaire.scale, item, answer.value as number);
					count++;
					answered++;
				}
			}
			// A respondent who skipped the whole dimension has no opinion to average here.
			if (count > 0) respondentMeans.push(sum / count);
		}
		return {
			dimensionId: dimension.id,
			title: dimension.title,
			chartLabel: dimension.chartLabel,
			...summarize(respondentMeans),
			dontKnowShare: share(dontKnow, answered),
			flags
		};
	});
}

/** Statements sorted by where the team disagrees most, because that is where the talk starts. */
export function conversationAgenda<T extends Pick<ItemStatistics, 'sd' | 'flags'>>(
	items: readonly T[]
): T[] {
	return items
		.map((item, index) => ({ item, index }))
		.sort((a, b) => {
			if (a.item.sd !== b.item.sd) {
				if (a.item.sd === null) return 1;
				if (b.item.sd === null) return -1;
				return b.item.sd - a.item.sd;
			}
			if (a.item.flags !== b.item.flags) return b.item.flags - a.item.flags;
			return a.index - b.index;
		})
		.map(({ item }) => item);
}

/** Formats a score with a Dutch decimal comma; a dash when there is no score. */
export function formatScore(value: number | null, digits = 1): string {
	if (value === null || !Number.isFinite(value)) return '–';
	const text = value.toFixed(digits);
	// "-0,0" would suggest a negative score where rounding made it zero.
	const unsigned = /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
	return unsigned.replace('.', ',');
}

/** First dimension with the highest value of a statistic, so ties follow questionnaire order. */
function highest<T>(list: readonly T[], value: (entry: T) => number): T {
	return list.reduce((best, entry) => (value(entry) > value(best) ? entry : best));
}

/** One paragraph of plain Dutch: strongest and weakest dimension, and where opinions differ most. */
export function resultSummary(
	dimensions: readonly Pick<DimensionStatistics, 'title' | 'mean' | 'sd'>[]
): string {
	const scored = dimensions.filter(
		(d): d is Pick<DimensionStatistics, 'title' | 'sd'> & { mean: number } => d.mean !== null
	);
	if (scored.length === 0) {
		return 'Er zijn nog geen scores. Zodra teamleden de vragenlijst hebben ingevuld, zie je hier een samenvatting.';
	}
	const sentences: string[] = [];
	const strongest = highest(scored, (d) => d.mean);
	const weakest = highest(scored, (d) => -d.mean);
	if (scored.length === 1) {
		sentences.push(
			`Er zijn alleen scores over ${strongest.title} (gemiddeld ${formatScore(strongest.mean)}).`
		);
	} else if (formatScore(strongest.mean) === formatScore(weakest.mean)) {
		// Differences that vanish when rounded are not worth naming a winner for.
		sentences.push(
			`Het team geeft alle onderdelen ongeveer dezelfde score (gemiddeld ${formatScore(strongest.mean)}).`
		);
	} else {
		sentences.push(
			`Het team is het meest positief over ${strongest.title} (gemiddeld ${formatScore(strongest.mean)}) ` +
				`en het minst over ${weakest.title} (${formatScore(weakest.mean)}).`
		);
	}
	const spread = scored.filter((d): d is typeof d & { sd: number } => d.sd !== null);
	if (spread.length === 0) {
		sentences.push(
			'Er zijn nog te weinig antwoorden om te zien waar teamleden verschillend denken.'
		);
	} else {
		const widest = highest(spread, (d) => d.sd);
		if (widest.sd === 0) {
			sentences.push(
				'Teamleden geven overal dezelfde scores. Praat samen over wat daarachter zit: daar begint het gesprek.'
			);
		} else if (scored.length === 1) {
			sentences.push(`Teamleden denken hier verschillend over: daar begint het gesprek.`);
		} else {
			sentences.push(
				`Over ${widest.title} denken teamleden het meest verschillend: daar begint het gesprek.`
			);
		}
	}
	return sentences.join(' ');
}
