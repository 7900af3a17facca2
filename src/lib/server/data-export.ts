import { toCsv } from '$lib/domain/csv';
import { FIGURE_COLUMNS, figureLines, type SessionFigureSet } from '$lib/domain/figure-table';
import type { Questionnaire } from '$lib/domain/questionnaire';
import type { Db } from './db';
import * as conversation from './db/conversation';
import * as gemeenten from './db/gemeenten';
import * as meetrondes from './db/meetrondes';
import * as questionnaireVersions from './db/questionnaire-versions';
import * as responses from './db/responses';
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
			sessions: sessions.listForTeam(db, team.id).map((s) => sessionExport(db, s))
		}))
	};
}

function sessionExport(db: Db, s: ReturnType<typeof sessions.listForTeam>[number]) {
	const questionnaire = questionnaireVersions.definition(
		db,
		s.questionnaireVersionId
	) as Questionnaire;
	const data = results.forSession(db, s.id, Math.random, { comments: false });
	const counts = responses.countsForSession(db, s.id);
	return {
		id: s.id,
		meetronde: s.meetrondeName,
		questionnaire: { id: questionnaire.id, version: questionnaire.version },
		status: s.status,
		minRespondents: s.minRespondents,
		started: counts.started,
		submitted: counts.submitted,
		results: data.visible
			? {
					dimensions: data.figures.dimensions,
					items: data.figures.items
				}
			: `niet beschikbaar: ${s.status === 'closed' ? 'te weinig respons' : 'sessie is niet gesloten'}`,
		conclusions: Object.fromEntries(conversation.conclusionsOf(db, s.id)),
		verbeteracties: conversation
			.actionsOf(db, s.id)
			.map(({ dimensionId, what, who, dueOn, status }) => ({
				dimensionId,
				what,
				who,
				dueOn,
				status
			}))
	};
}

/** The same export as CSV: one line per session and dimension or statement (README lists the columns). */
export function exportCsv(data: ReturnType<typeof exportData>): string {
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
	return toCsv(FIGURE_COLUMNS, figureLines(sets));
}
