import { scoredValue, type Questionnaire } from './questionnaire';
import type { ResponseRecord } from './scoring';
import { assignmentCounts, type AssignmentCounts } from './task-assignment';

export interface TaskProfileRow {
	itemId: string;
	statement: string;
	/** respondents per scale value (lowest first), "weet ik niet" left out */
	counts: number[];
	/** share of scoring respondents who say the team does this at least partly (0-1) */
	doneShare: number | null;
	/** the national reference: share of gemeenten whose teams do this task (0-100); null: none known */
	reference: { percentage: number; source: string } | null;
	/** "hoort dit bij de opdracht?" (takenprofiel v2); null when the questionnaire does not ask it */
	assignment: AssignmentCounts | null;
}

/**
 * A team's task profile beside the national picture: for every statement that carries a
 * reference percentage, how the team answered and which share says the team does it. A
 * questionnaire that asks about the assignment (v2) lists every task, with or without a
 * national figure, because the gap between assignment and practice is its finding.
 */
export function taskProfile(
	questionnaire: Questionnaire,
	responses: readonly ResponseRecord[]
): TaskProfileRow[] {
	const points = questionnaire.scale.points.map((p) => p.value);
	const lowest = points[0];
	const rows: TaskProfileRow[] = [];
	const assignment = assignmentCounts(questionnaire, responses);
	for (const dimension of questionnaire.dimensions) {
		for (const item of dimension.items) {
			if (!item.reference && !questionnaire.assignment) continue;
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
				reference: item.reference ?? null,
				assignment: assignment.get(item.id) ?? null
			});
		}
	}
	return rows;
}

export interface GroupTaskProfileRow {
	itemId: string;
	statement: string;
	/** teams where at least half of the scoring respondents say the team does this */
	teamsDoing: number;
	/** teams with enough scoring respondents on this task to be shown */
	teamsAnswering: number;
	/** teams left out because too few of their members scored this task */
	teamsTooFew: number;
	/** all respondents of these teams together: the share who say "at least partly" (0-1) */
	respondentShare: number | null;
	reference: { percentage: number; source: string } | null;
	/** teams whose shown assignment answers were summed: the share who say "ja" (0-1) */
	assignedShare: number | null;
}

/** A team counts as doing a task when at least half of its members who answered say so. */
export const TEAM_DOES_TASK = 0.5;

/**
 * The task profile of a gemeente or leerbeweging: per task, how many of its teams do it and
 * which share of all their respondents says so, beside the national reference.
 */
export function groupTaskProfile(
	teams: readonly (readonly (Omit<TaskProfileRow, 'counts' | 'assignment'> & {
		counts: number[] | null;
		assignment?: AssignmentCounts | null;
	})[])[]
): GroupTaskProfileRow[] {
	const rows = new Map<
		string,
		GroupTaskProfileRow & { done: number; total: number; ja: number; asked: number }
	>();
	for (const profile of teams) {
		for (const row of profile) {
			const entry = rows.get(row.itemId) ?? {
				itemId: row.itemId,
				statement: row.statement,
				teamsDoing: 0,
				teamsAnswering: 0,
				teamsTooFew: 0,
				respondentShare: null,
				reference: row.reference,
				assignedShare: null,
				done: 0,
				total: 0,
				ja: 0,
				asked: 0
			};
			// A team's row without counts rests on too few people: it is left out, and counted as such.
			if (row.counts === null) {
				entry.teamsTooFew++;
				rows.set(row.itemId, entry);
				continue;
			}
			const total = row.counts.reduce((a, b) => a + b, 0);
			if (total > 0 && row.doneShare !== null) {
				entry.teamsAnswering++;
				if (row.doneShare >= TEAM_DOES_TASK) entry.teamsDoing++;
				entry.total += total;
				entry.done += total - row.counts[0];
			}
			if (row.assignment) {
				entry.ja += row.assignment.ja;
				entry.asked += row.assignment.ja + row.assignment.nee + row.assignment.weetNiet;
			}
			rows.set(row.itemId, entry);
		}
	}
	return [...rows.values()].map(({ done, total, ja, asked, ...row }) => ({
		...row,
		respondentShare: total === 0 ? null : done / total,
		assignedShare: asked === 0 ? null : ja / asked
	}));
}

/**
 * Why the national share of long-term support is 62.5% here, while another source gives 19%. Both
 * figures are in the sources; they answer different questions about different groups.
 */
export const LONG_TERM_SUPPORT_NOTE =
	'Waar komt het landelijke cijfer voor langdurige hulp vandaan? Wij gebruiken 62,5%: in een enquête van het ' +
	'Nederlands Jeugdinstituut onder 152 gemeenten geeft het wijkteam in 62,5% van de gemeenten zelf langdurige hulp. ' +
	'Dat past bij de vraag in het takenprofiel: wat doet het team? De peiling van Movisie uit 2022 (Van Arum e.a., ' +
	'2023, genoemd in het overzicht van het Nederlands Jeugdinstituut uit 2024) noemt 19%. Die gaat over sociale ' +
	'wijkteams en over de taken die in hun opdracht staan. Dat is een andere groep en een andere vraag: daarom ' +
	'verschillen de cijfers zo.';
