import { effectiveMinimum } from '$lib/domain/anonymity';
import { csvLines } from '$lib/domain/csv';
import { FIGURE_COLUMNS, figureLines, type SessionFigureSet } from '$lib/domain/figure-table';
import type { Db } from './db';
import * as conversation from './db/conversation';
import * as gemeenten from './db/gemeenten';
import * as meetrondes from './db/meetrondes';
import * as results from './db/results';
import * as sessions from './db/sessions';
import * as teams from './db/teams';

/**
 * All data of a gemeente or one team, for the AVG duties of the gemeente (inzage, overdracht).
 * Answers leave only as team aggregates under the anonymity rule: single responses are not
 * personal data of anyone named, and showing them would break the promise made to respondents.
 */
export function exportData(db: Db, scope: { gemeenteId: number } | { teamId: number }) {
	const teamRows =
		'teamId' in scope
			? [teams.get(db, scope.teamId)!]
			: teams.listByGemeente(db, scope.gemeenteId).map((t) => teams.get(db, t.id)!);
	const gemeenteId = 'teamId' in scope ? teamRows[0].gemeenteId : scope.gemeenteId;
	const gemeente = gemeenten.get(db, gemeenteId)!;
	const sessionsByTeam = new Map(
		teamRows.map((t) => [t.id, sessions.listForTeam(db, t.id, 'manager')])
	);
	const all = [...sessionsByTeam.values()].flat();
	// Everything per session in a few queries: a gemeente can have a thousand sessions.
	// The gate returns figures only of sessions that may be shown, each figure on enough people.
	const stored = results.forSessions(
		db,
		all.filter((s) => s.status === 'closed').map((s) => s.id),
		['dimensions', 'items']
	);
	const visible = (s: (typeof all)[number]) => stored.get(s.id);
	const ids = all.map((s) => s.id);
	const conclusions = conversation.conclusionsOfSessions(db, ids);
	// Not Map.groupBy: Node 20 lacks it.
	const actions = new Map<number, ReturnType<typeof conversation.actionsOfSessions>>();
	for (const action of conversation.actionsOfSessions(db, ids)) {
		actions.set(action.sessionId, [...(actions.get(action.sessionId) ?? []), action]);
	}
	return {
		exportedAt: new Date().toISOString(),
		gemeente: { id: gemeente.id, name: gemeente.name },
		meetrondes: meetrondes
			.listForGemeente(db, gemeenteId)
			.map(({ id, name, startsOn, endsOn }) => ({ id, name, startsOn, endsOn })),
		teams: teamRows.map((team) => ({
			id: team.id,
			name: team.name,
			profile: {
				tasks: team.tasks,
				composition: team.composition,
				legalForm: team.legalForm,
				targetGroup: team.targetGroup
			},
			sessions: sessionsByTeam.get(team.id)!.map((s) => {
				const figures = visible(s);
				return {
					id: s.id,
					meetronde: s.meetrondeName,
					questionnaire: { id: s.questionnaireId, version: s.questionnaireVersion },
					status: s.status,
					minRespondents: s.minRespondents,
					started: s.started,
					submitted: s.submitted,
					results: figures
						? { dimensions: figures.dimensions, items: figures.items }
						: `niet beschikbaar: ${unavailableReason(s)}`,
					conclusions: Object.fromEntries(conclusions.get(s.id) ?? []),
					verbeteracties: (actions.get(s.id) ?? []).map(
						({ dimensionId, what, who, dueOn, status }) => ({
							dimensionId,
							what,
							who,
							dueOn,
							status
						})
					)
				};
			})
		}))
	};
}

function unavailableReason(s: {
	status: string;
	submitted: number | null;
	minRespondents: number;
}): string {
	if (s.status !== 'closed') return 'sessie is niet gesloten';
	if ((s.submitted ?? 0) < effectiveMinimum(s.minRespondents)) return 'te weinig respons';
	return 'uitkomsten nog niet getoond aan het team';
}

/** The same export as CSV: one line per session and dimension or statement (README lists the columns). */
export function exportCsv(data: ReturnType<typeof exportData>): string {
	return [...exportCsvLines(data)].join('');
}

/** exportCsv line by line, for sending while it is written. */
export function exportCsvLines(data: ReturnType<typeof exportData>): Generator<string> {
	const sets: SessionFigureSet[] = data.teams.flatMap((team) =>
		team.sessions.flatMap((s) =>
			typeof s.results === 'string'
				? []
				: [
						{
							teamName: team.name,
							meetrondeName: s.meetronde,
							questionnaireId: s.questionnaire.id,
							version: s.questionnaire.version,
							dimensions: s.results.dimensions,
							items: s.results.items,
							change: null
						}
					]
		)
	);
	return csvLines(FIGURE_COLUMNS, figureLines(sets));
}
