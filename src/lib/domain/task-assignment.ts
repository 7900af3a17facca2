import type { Questionnaire } from './questionnaire';

/**
 * Takenprofiel v2: per task, besides "do you do it in practice", the question whether the task is
 * part of the team's assignment (opdracht). Source 002 shows why: 52% of teams say they do not get
 * round to signalling and prevention, a task most of them have. The gap between the two answers
 * is what the team talks about; more tasks is not better.
 */

export const ASSIGNMENT_QUESTION = 'Hoort dit bij de opdracht van jullie team?';
export const PRACTICE_QUESTION = 'Doen jullie dit in de praktijk?';

/** The three answers, stored as these values. */
export const ASSIGNMENT_VALUES = ['ja', 'nee', 'weet-niet'] as const;
export type AssignmentValue = (typeof ASSIGNMENT_VALUES)[number];
export const ASSIGNMENT_LABELS: Record<AssignmentValue, string> = {
	ja: 'Ja',
	nee: 'Nee',
	'weet-niet': 'Weet ik niet'
};

/** Form field of a task's assignment answer; stable, so tests and scripts can use it. */
export const assignmentField = (itemId: string) => `opdracht-${itemId}`;

export function isAssignmentValue(value: unknown): value is AssignmentValue {
	return typeof value === 'string' && (ASSIGNMENT_VALUES as readonly string[]).includes(value);
}

/** One assignment answer, as stored with an anonymous response. */
export interface AssignmentRecord {
	itemId: string;
	answer: AssignmentValue;
}

/** How many people gave each answer to "hoort dit bij de opdracht?" for one task. */
export interface AssignmentCounts {
	ja: number;
	nee: number;
	weetNiet: number;
}

export function assignmentTotal(counts: AssignmentCounts): number {
	return counts.ja + counts.nee + counts.weetNiet;
}

/** Per item id, the counts of the assignment answers; empty when the questionnaire does not ask. */
export function assignmentCounts(
	questionnaire: Pick<Questionnaire, 'dimensions' | 'assignment'>,
	responses: readonly { assignment?: readonly AssignmentRecord[] }[]
): Map<string, AssignmentCounts> {
	const out = new Map<string, AssignmentCounts>();
	if (!questionnaire.assignment) return out;
	for (const dimension of questionnaire.dimensions) {
		for (const item of dimension.items) out.set(item.id, { ja: 0, nee: 0, weetNiet: 0 });
	}
	for (const response of responses) {
		// One answer per person per task counts, even if a record were doubled.
		const seen = new Set<string>();
		for (const { itemId, answer } of response.assignment ?? []) {
			const counts = out.get(itemId);
			if (!counts || seen.has(itemId) || !isAssignmentValue(answer)) continue;
			seen.add(itemId);
			if (answer === 'ja') counts.ja++;
			else if (answer === 'nee') counts.nee++;
			else counts.weetNiet++;
		}
	}
	return out;
}

/** Shares (0-1) of ja, nee and weet ik niet; null when nobody answered. */
export function assignmentShares(
	counts: AssignmentCounts
): { ja: number; nee: number; weetNiet: number } | null {
	const total = assignmentTotal(counts);
	if (total === 0) return null;
	return { ja: counts.ja / total, nee: counts.nee / total, weetNiet: counts.weetNiet / total };
}

/**
 * The finding per task: how many say it is part of the assignment minus how many say the team
 * does it (at least partly), in percentage points. Positive: on paper more than in practice.
 * Null when either side is not shown.
 */
export function assignmentGap(
	assignedShare: number | null,
	doneShare: number | null
): number | null {
	if (assignedShare === null || doneShare === null) return null;
	return Math.round(assignedShare * 100) - Math.round(doneShare * 100);
}

export const percent = (share: number | null) =>
	share === null ? '–' : `${Math.round(share * 100)}%`;

/** One plain sentence per task: "hoort bij de opdracht volgens X%, doen we volgens Y%". */
export function gapSentence(assignedShare: number | null, doneShare: number | null): string {
	if (assignedShare === null || doneShare === null) return '';
	const gap = assignmentGap(assignedShare, doneShare)!;
	const base = `Hoort bij de opdracht volgens ${percent(assignedShare)}, doen we (deels) volgens ${percent(doneShare)}.`;
	if (Math.abs(gap) < 20) return base;
	return gap > 0
		? `${base} Op papier meer dan in de praktijk: een punt voor het gesprek.`
		: `${base} In de praktijk meer dan op papier: een punt voor het gesprek.`;
}

/** The shown figures of one task in a takenprofiel v2, as the table, bars and exports read them. */
export interface TaskFinding {
	/** share who say "ja, hoort bij de opdracht" (0-1); null when hidden */
	assignedShare: number | null;
	shares: { ja: number; nee: number; weetNiet: number } | null;
	/** share who say the team does it at least partly (0-1); null when hidden */
	doneShare: number | null;
	/** assigned minus done, in percentage points */
	gap: number | null;
	sentence: string;
}

export function taskFinding(row: {
	assignment: AssignmentCounts | null;
	doneShare: number | null;
}): TaskFinding {
	const shares = row.assignment ? assignmentShares(row.assignment) : null;
	const assignedShare = shares?.ja ?? null;
	return {
		assignedShare,
		shares,
		doneShare: row.doneShare,
		gap: assignmentGap(assignedShare, row.doneShare),
		sentence: gapSentence(assignedShare, row.doneShare)
	};
}

/** A gap in percentage points with its sign: "+25" means more on paper than in practice. */
export function formatPoints(gap: number | null): string {
	if (gap === null) return '–';
	return gap > 0 ? `+${gap}` : String(gap);
}

/** Two shares this many percentage points apart or more are worth a conversation. */
export const NOTABLE_GAP = 20;
/** The summary names at most this many tasks per direction, largest gap first. */
const SUMMARY_TASKS = 3;

/**
 * The summary of a takenprofiel v2: where assignment and practice differ, never which tasks score
 * "best" (more tasks is not better).
 */
export function taskProfileSummary(
	rows: readonly {
		statement: string;
		assignment: AssignmentCounts | null;
		doneShare: number | null;
		suppressed: boolean;
	}[]
): string {
	const findings = rows.map((r) => ({ row: r, gap: taskFinding(r).gap }));
	// The largest gaps first, at most three per direction: a summary, not the table again.
	const named = (wanted: (gap: number) => boolean, order: 1 | -1) => {
		const found = findings
			.filter((f) => f.gap !== null && wanted(f.gap))
			.sort((a, b) => order * (b.gap! - a.gap!));
		const names = found.slice(0, SUMMARY_TASKS).map((f) => lowerFirst(f.row.statement));
		const more = found.length - names.length;
		return more > 0 ? [...names, `${more} ${more === 1 ? 'andere taak' : 'andere taken'}`] : names;
	};
	const list = (names: string[]) =>
		names.length === 1 ? names[0] : `${names.slice(0, -1).join('; ')} en ${names.at(-1)}`;
	const onPaper = named((gap) => gap >= NOTABLE_GAP, 1);
	const inPractice = named((gap) => gap <= -NOTABLE_GAP, -1);
	const parts: string[] = [];
	if (onPaper.length > 0) {
		parts.push(
			`Meer teamleden zeggen dat de taak bij de opdracht hoort dan dat jullie hem doen bij: ${list(onPaper)}`
		);
	}
	if (inPractice.length > 0) {
		parts.push(
			`Meer teamleden zeggen dat jullie de taak doen dan dat hij bij de opdracht hoort bij: ${list(inPractice)}`
		);
	}
	if (parts.length === 0) {
		parts.push(
			`Bij geen enkele taak verschillen opdracht en praktijk ${NOTABLE_GAP} procentpunten of meer`
		);
	}
	const hidden = rows.filter((r) => r.suppressed).length;
	if (hidden > 0) {
		parts.push(
			`${hidden} ${hidden === 1 ? 'taak staat' : 'taken staan'} er niet bij: te weinig teamleden gaven daar antwoord`
		);
	}
	return parts.map((p) => `${p.replace(/\.$/, '')}.`).join(' ');
}

const lowerFirst = (text: string) =>
	(text.charAt(0).toLowerCase() + text.slice(1)).replace(/\.$/, '');
