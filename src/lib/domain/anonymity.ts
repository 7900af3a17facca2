import type { ItemScore, SessionAggregates } from './aggregates';
import { gap, type DesiredStatistics } from './desired';
import { MIN_RESPONDENTS_FLOOR, type DimensionStatistics, type ItemStatistics } from './scoring';
import type { TaskProfileRow } from './task-profile';
import { assignmentTotal } from './task-assignment';

/**
 * What may be shown of a session's figures. Two rules, both here so they hold for every screen,
 * export and comparison alike:
 *
 * 1. Every figure rests on at least the session's minimum number of people who gave a score
 *    there. A session of 5 where 4 say "weet ik niet" on a whole dimension would otherwise show
 *    that dimension's figures of one person.
 * 2. Spread is shown as the standard deviation only. The lowest and highest score, the median and
 *    the quartiles are each one person's own value (with 3 to 5 people, together they give every
 *    person's score). A mean with a standard deviation fits endlessly many sets of scores, so no
 *    single value can be read back from it.
 */

/** Figures that are never shown: each is one respondent's own value. */
type PersonalValues = 'median' | 'min' | 'max' | 'q1' | 'q3';

/** A dimension's "gewenst" figures, under the same rule as every other figure. */
export interface ShownDesired {
	/** people who gave a "gewenst" score here */
	n: number;
	mean: number | null;
	sd: number | null;
	/** fewer people than the minimum gave a "gewenst" score: mean and spread are left out */
	suppressed: boolean;
}

export type ShownDimension = Omit<DimensionStatistics, PersonalValues | 'desired'> & {
	/** fewer people than the minimum gave a score here: mean and spread are left out */
	suppressed: boolean;
	/** null when the questionnaire does not ask "gewenst" */
	desired: ShownDesired | null;
	/** gewenst minus nu; null unless both are shown */
	gap: number | null;
};

export type ShownItem = Omit<ItemStatistics, PersonalValues | 'dontKnowShare' | 'dontKnow'> & {
	/** null when fewer than the minimum answered: the share would tell what one person chose */
	dontKnowShare: number | null;
	dontKnow: number | null;
	suppressed: boolean;
};

export type ShownTaskRow = Omit<TaskProfileRow, 'counts' | 'doneShare' | 'assignment'> & {
	/** respondents per scale value; null when fewer than the minimum scored this task */
	counts: number[] | null;
	doneShare: number | null;
	/** ja/nee/weet ik niet on "hoort dit bij de opdracht?"; null when not asked or suppressed */
	assignment: TaskProfileRow['assignment'];
	/** whether the questionnaire asked the assignment question */
	asked: boolean;
	suppressed: boolean;
};

export interface ShownFigures {
	dimensions: ShownDimension[];
	items: ShownItem[];
	taskProfile: ShownTaskRow[];
}

/** The reason shown wherever a figure is left out. */
export const TOO_FEW_SCORES = 'te weinig scores';

/** The number of people every figure of a session must rest on. */
export function effectiveMinimum(minRespondents: number): number {
	return Math.max(minRespondents, MIN_RESPONDENTS_FLOOR);
}

/**
 * A dimension's figure is worked out from its statements' shown figures: the mean and spread of
 * all their scores together. Then it adds nothing to what the statements already show. (The mean
 * of each person's own mean, used before, did: where people skipped different statements, it and
 * the statement means together gave one person's score.) Statements left out for too few scores
 * are left out here too, or the difference would give them away.
 */
function shownDimension(
	d: DimensionStatistics,
	items: readonly ShownScore[],
	minimum: number
): ShownDimension {
	let count = 0;
	let sum = 0;
	let squares = 0;
	for (const item of items) {
		if (item.dimensionId !== d.dimensionId || item.mean === null) continue;
		count += item.n;
		sum += item.n * item.mean;
		squares += (item.n - 1) * (item.sd ?? 0) ** 2 + item.n * item.mean ** 2;
	}
	const suppressed = d.n < minimum || count === 0;
	const mean = count === 0 ? 0 : sum / count;
	const variance = count < 2 ? 0 : Math.max(0, (squares - count * mean ** 2) / (count - 1));
	const desired = d.desired ? shownDesired(d.desired, minimum) : null;
	return {
		dimensionId: d.dimensionId,
		title: d.title,
		chartLabel: d.chartLabel,
		n: d.n,
		mean: suppressed ? null : mean,
		sd: suppressed || count < 2 ? null : Math.sqrt(variance),
		// Over every answer in the dimension, "weet ik niet" included: no score can be read from it.
		dontKnowShare: d.dontKnowShare,
		flags: d.flags,
		suppressed,
		desired,
		gap: gap(suppressed ? null : mean, desired?.mean ?? null)
	};
}

/** "Gewenst" is one answer per person per dimension: its figures need the minimum on their own. */
function shownDesired(d: DesiredStatistics, minimum: number): ShownDesired {
	const suppressed = d.n < minimum;
	return {
		n: d.n,
		mean: suppressed ? null : d.mean,
		sd: suppressed ? null : d.sd,
		suppressed
	};
}

/** What a dimension's figure reads of a statement, after that statement's own rule. */
type ShownScore = Pick<ShownItem, 'dimensionId' | 'n' | 'mean' | 'sd'>;

/** The same rule as shownItem, on a statement's score alone. */
function shownScore([dimensionId, n, mean, sd]: ItemScore, minimum: number): ShownScore {
	const suppressed = n < minimum;
	return { dimensionId, n, mean: suppressed ? null : mean, sd: suppressed ? null : sd };
}

function shownItem(i: ItemStatistics, minimum: number): ShownItem {
	const suppressed = i.n < minimum;
	return {
		itemId: i.itemId,
		dimensionId: i.dimensionId,
		statement: i.statement,
		reverse: i.reverse,
		n: i.n,
		mean: suppressed ? null : i.mean,
		sd: suppressed ? null : i.sd,
		// With fewer answers than the minimum, the count would give the hidden share away.
		dontKnow: i.answered < minimum ? null : i.dontKnow,
		dontKnowShare: i.answered < minimum ? null : i.dontKnowShare,
		flags: i.flags,
		answered: i.answered,
		suppressed
	};
}

/**
 * A task's row: its practice counts and, in a takenprofiel v2, its assignment answers. Each needs
 * the minimum on its own; when either falls short nothing of the task is shown, also not the
 * other half, so the gap between them never rests on too few people.
 */
export function shownTaskRow(row: TaskProfileRow, minimum: number): ShownTaskRow {
	const total = row.counts.reduce((a, b) => a + b, 0);
	// Rows stored before takenprofiel v2 have no assignment field.
	const assignment = row.assignment ?? null;
	const suppressed =
		total < minimum || (assignment !== null && assignmentTotal(assignment) < minimum);
	return {
		itemId: row.itemId,
		statement: row.statement,
		reference: row.reference ?? null,
		counts: suppressed ? null : row.counts,
		doneShare: suppressed ? null : row.doneShare,
		assignment: suppressed ? null : assignment,
		asked: assignment !== null,
		suppressed
	};
}

/** A session's stored figures as they may be shown, given its minimum number of respondents. */
export function shownFigures(
	figures: Partial<SessionAggregates>,
	minRespondents: number
): Partial<ShownFigures> {
	const minimum = effectiveMinimum(minRespondents);
	const out: Partial<ShownFigures> = {};
	const items = figures.items?.map((i) => shownItem(i, minimum));
	if (figures.dimensions) {
		const scores = items ?? figures.itemScores?.map((s) => shownScore(s, minimum));
		if (!scores) throw new Error('Cijfers per onderwerp komen uit die per stelling: lees ze mee');
		out.dimensions = figures.dimensions.map((d) => shownDimension(d, scores, minimum));
	}
	if (items) out.items = items;
	if (figures.taskProfile) {
		out.taskProfile = figures.taskProfile.map((r) => shownTaskRow(r, minimum));
	}
	return out;
}

/** Whether results may be shown at all: closed, and enough questionnaires count. */
export function meetsAnonymityRule(
	session: { status: 'draft' | 'open' | 'closed'; minRespondents: number },
	counted: number
): boolean {
	// While a session is open, watching results change would reveal who just answered what.
	if (session.status !== 'closed') return false;
	return counted >= effectiveMinimum(session.minRespondents);
}

/**
 * The radar's spread band: the mean plus and minus one standard deviation, kept within the scale.
 * Roughly two in three scores of a team lie inside it, and it shows no one's own score.
 */
export function spreadBand(
	dimensions: readonly Pick<ShownDimension, 'mean' | 'sd'>[],
	scaleMin: number,
	scaleMax: number
): { low: (number | null)[]; high: (number | null)[] } {
	const edge = (sign: 1 | -1) =>
		dimensions.map((d) =>
			d.mean === null || d.sd === null
				? null
				: Math.min(scaleMax, Math.max(scaleMin, d.mean + sign * d.sd))
		);
	return { low: edge(-1), high: edge(1) };
}

/** One sentence naming the dimensions left out, or '' when every dimension has its figures. */
export function suppressedSentence(
	dimensions: readonly Pick<ShownDimension, 'title' | 'suppressed'>[],
	minRespondents: number
): string {
	const titles = dimensions.filter((d) => d.suppressed).map((d) => d.title);
	if (titles.length === 0) return '';
	const list =
		titles.length === 1 ? titles[0] : `${titles.slice(0, -1).join(', ')} en ${titles.at(-1)}`;
	return (
		`Over ${list} gaven minder dan ${effectiveMinimum(minRespondents)} teamleden een score. ` +
		'Daarom tonen we daar geen cijfers: anders zou te zien zijn wat één persoon vindt.'
	);
}

/** Reading and answering a statement takes a few seconds; faster than this is not reading. */
export const QUICK_SECONDS_PER_STATEMENT = 2;

/** The fill-in time below which a sent questionnaire looks like someone padding the session. */
export function quickFillThresholdMs(statements: number): number {
	return statements * QUICK_SECONDS_PER_STATEMENT * 1000;
}
