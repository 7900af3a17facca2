import {
	TOO_FEW_SCORES,
	type ShownDimension,
	type ShownItem,
	type ShownTaskRow
} from './anonymity';
import { taskFinding } from './task-assignment';
import type { CsvValue } from './csv';
import { withGaps } from './desired';

/**
 * One table layout for every export of figures (CSV and XLSX, per session, per comparison, per
 * gemeente), so a spreadsheet built on one export works on the others. README lists the columns.
 */
export const FIGURE_COLUMNS = [
	'team',
	'meetronde',
	'vragenlijst',
	'versie',
	'niveau',
	'id',
	'tekst',
	'n',
	'gemiddelde',
	'standaardafwijking',
	'aandeel_weet_ik_niet',
	'hier_wil_ik_over_praten',
	'verandering',
	'opmerking',
	// Last, so spreadsheets built on the columns before keep working.
	'gewenst_n',
	'gewenst_gemiddelde',
	'gewenst_standaardafwijking',
	'verschil_gewenst_nu',
	// Takenprofiel v2, per task; empty for other questionnaires.
	'opdracht_ja',
	'opdracht_nee',
	'opdracht_weet_ik_niet',
	'doen_we',
	'verschil_opdracht_praktijk',
	'landelijk'
] as const;

/** The takenprofiel v2 columns of a task: shares 0-1, the gap in points, the national share. */
function taskCells(row: ShownTaskRow | undefined): CsvValue[] {
	if (!row || !row.asked) return [null, null, null, null, null, null];
	const finding = taskFinding(row);
	return [
		finding.shares?.ja ?? null,
		finding.shares?.nee ?? null,
		finding.shares?.weetNiet ?? null,
		finding.doneShare,
		finding.gap,
		row.reference?.percentage ?? null
	];
}

/** The "gewenst" columns of a dimension; empty (nulls) where the questionnaire did not ask it. */
function desiredCells(d: ShownDimension): CsvValue[] {
	if (!d.desired) return [null, null, null, null];
	return [d.desired.n, d.desired.mean, d.desired.sd, d.gap];
}

/** Why a figure is missing: the "nu" figures, the "gewenst" figures, or both. */
function dimensionNote(d: ShownDimension): string | null {
	const desiredHidden = d.desired?.suppressed ?? false;
	if (d.suppressed) return TOO_FEW_SCORES;
	return desiredHidden ? `gewenst: ${TOO_FEW_SCORES}` : null;
}

export interface SessionFigureSet {
	teamName: string;
	meetrondeName: string;
	questionnaireId: string;
	version: number;
	dimensions: readonly ShownDimension[];
	items: readonly ShownItem[];
	/** per dimension, the change since the team's previous round; null when there is none */
	change: Record<string, number | null> | null;
	/** the task rows as the gate shows them (takenprofiel); absent elsewhere */
	taskProfile?: readonly ShownTaskRow[];
}

/** Per session: a line per dimension, then a line per statement. */
export function figureLines(sessions: readonly SessionFigureSet[]): CsvValue[][] {
	const lines: CsvValue[][] = [];
	for (const s of sessions) {
		const head = [s.teamName, s.meetrondeName, s.questionnaireId, s.version];
		const tasks = new Map((s.taskProfile ?? []).map((r) => [r.itemId, r]));
		for (const d of s.dimensions) {
			lines.push([
				...head,
				'onderwerp',
				d.dimensionId,
				d.title,
				d.n,
				d.mean,
				d.sd,
				d.dontKnowShare,
				d.flags,
				s.change?.[d.dimensionId] ?? null,
				dimensionNote(d),
				...desiredCells(d),
				...taskCells(undefined)
			]);
		}
		for (const i of withGaps(s.items, s.dimensions)) {
			lines.push([
				...head,
				'stelling',
				i.itemId,
				i.statement,
				i.n,
				i.mean,
				i.sd,
				i.dontKnowShare,
				i.flags,
				null,
				i.suppressed || tasks.get(i.itemId)?.suppressed ? TOO_FEW_SCORES : null,
				null,
				null,
				null,
				// The statement's distance to its dimension's "gewenst", as the agenda sorts it.
				i.gap ?? null,
				...taskCells(tasks.get(i.itemId))
			]);
		}
	}
	return lines;
}

/**
 * An average over sessions has only a mean and a count per dimension; an average of "gewenst"
 * goes in the "gewenst" columns, so no column ever mixes the two.
 */
export function averageLines(
	average: { label: string; meetrondeName: string; questionnaireId: string },
	dimensions: readonly { id: string; title: string }[],
	means: Record<string, number | null>,
	counts: Record<string, number>,
	measure: 'nu' | 'gewenst' = 'nu'
): CsvValue[][] {
	return dimensions.map((d) => {
		const count = counts[d.id] ?? 0;
		const mean = means[d.id];
		const note = mean == null ? TOO_FEW_SCORES : null;
		const nu = measure === 'nu';
		return [
			average.label,
			average.meetrondeName,
			average.questionnaireId,
			null,
			'onderwerp',
			d.id,
			d.title,
			nu ? count : null,
			nu ? mean : null,
			null,
			null,
			null,
			null,
			nu ? note : note && `gewenst: ${note}`,
			nu ? null : count,
			nu ? null : mean,
			null,
			null,
			...taskCells(undefined)
		];
	});
}

export const ACTION_COLUMNS = [
	'team',
	'meetronde',
	'onderwerp',
	'actie',
	'wie',
	'wanneer',
	'status'
] as const;

/** The status of a verbeteractie in words, the same on screen and in every export. */
export const ACTION_STATUS_LABELS = { open: 'Open', bezig: 'Bezig', klaar: 'Klaar' } as const;

/** One verbeteractie as a line under ACTION_COLUMNS. */
export function actionLine(
	session: { teamName: string; meetrondeName: string },
	dimensionTitles: ReadonlyMap<string, string>,
	action: {
		dimensionId: string;
		what: string;
		who: string;
		dueOn: string | null;
		status: keyof typeof ACTION_STATUS_LABELS;
	}
): CsvValue[] {
	return [
		session.teamName,
		session.meetrondeName,
		dimensionTitles.get(action.dimensionId) ?? action.dimensionId,
		action.what,
		action.who,
		action.dueOn,
		ACTION_STATUS_LABELS[action.status]
	];
}
