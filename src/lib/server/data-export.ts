import { toCsv, type CsvValue } from '$lib/domain/csv';
import type { Questionnaire } from '$lib/domain/questionnaire';
import { dimensionStatistics, itemStatistics } from '$lib/domain/scoring';
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
					dimensions: dimensionStatistics(questionnaire, data.responses),
					items: itemStatistics(questionnaire, data.responses)
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

/** One session's aggregates as CSV, the same columns as the gemeente export. */
export function sessionCsv(db: Db, sessionId: number): string | null {
	const s = sessions.get(db, sessionId);
	if (!s) return null;
	const row = sessions.listForTeam(db, s.teamId).find((r) => r.id === sessionId)!;
	const exported = sessionExport(db, row);
	if (typeof exported.results === 'string') return null;
	return exportCsv({
		exportedAt: new Date().toISOString(),
		gemeente: { id: s.gemeenteId, name: '' },
		meetrondes: [],
		teams: [
			{
				id: s.teamId,
				name: s.teamName,
				profile: { tasks: [], composition: null, legalForm: null, targetGroup: null },
				sessions: [exported]
			}
		]
	});
}

/** The same export as CSV: one line per session and dimension or statement (README lists the columns). */
export function exportCsv(data: ReturnType<typeof exportData>): string {
	const lines: CsvValue[][] = [];
	for (const team of data.teams) {
		for (const s of team.sessions) {
			if (typeof s.results === 'string') continue;
			for (const d of s.results.dimensions) {
				lines.push([
					team.name,
					s.meetronde,
					s.questionnaire.id,
					s.questionnaire.version,
					'onderwerp',
					d.dimensionId,
					d.title,
					d.n,
					d.mean,
					d.median,
					d.sd,
					d.dontKnowShare,
					d.flags
				]);
			}
			for (const i of s.results.items) {
				lines.push([
					team.name,
					s.meetronde,
					s.questionnaire.id,
					s.questionnaire.version,
					'stelling',
					i.itemId,
					i.statement,
					i.n,
					i.mean,
					i.median,
					i.sd,
					i.dontKnowShare,
					i.flags
				]);
			}
		}
	}
	return toCsv(
		[
			'team',
			'meetronde',
			'vragenlijst',
			'versie',
			'niveau',
			'id',
			'tekst',
			'n',
			'gemiddelde',
			'mediaan',
			'standaardafwijking',
			'aandeel_weet_ik_niet',
			'hier_wil_ik_over_praten'
		],
		lines
	);
}
