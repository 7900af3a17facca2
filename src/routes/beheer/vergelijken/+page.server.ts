import { canViewGemeente, canManageLeerbeweging } from '$lib/domain/access';
import { withKind } from '$lib/domain/wording';
import { getDb } from '$lib/server/app';
import { comparisonRequest } from '$lib/server/comparison-request';
import { buildComparison } from '$lib/server/comparisons';
import * as conversation from '$lib/server/db/conversation';
import * as followUps from '$lib/server/db/follow-ups';
import { followUpText } from '$lib/domain/follow-up';
import * as gemeenten from '$lib/server/db/gemeenten';
import * as leerbewegingen from '$lib/server/db/leerbewegingen';
import * as questionnaireVersions from '$lib/server/db/questionnaire-versions';
import { requireSignedIn } from '$lib/server/guard';
import { mayViewSession } from '$lib/server/session-access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const { actor } = requireSignedIn(locals, url);
	const db = getDb();
	const sources = [
		...gemeenten
			.list(db)
			.filter((g) => canViewGemeente(actor, g.id))
			.map((g) => ({ value: `gemeente-${g.id}`, label: withKind('Gemeente', g.name) })),
		...(actor.role === 'gemeente-viewer' ? [] : leerbewegingen.list(db))
			.filter((l) => canManageLeerbeweging(actor, l.id))
			.map((l) => ({ value: `leerbeweging-${l.id}`, label: withKind('Leerbeweging', l.name) }))
	];
	const request = comparisonRequest(url, actor, {
		gemeenteIds: sources
			.filter((s) => s.value.startsWith('gemeente'))
			.map((s) => Number(s.value.split('-')[1])),
		leerbewegingIds: sources
			.filter((s) => s.value.startsWith('leerbeweging'))
			.map((s) => Number(s.value.split('-')[1]))
	});
	const questionnaires = [
		...new Map(questionnaireVersions.list(db).map((q) => [q.questionnaireId, q.title])).entries()
	].map(([value, label]) => ({ value, label }));
	// Every session's figures are needed for exports, not on the page: leave them out of its data.
	const { sessions, ...comparison } = buildComparison(db, request);
	const bySession = new Map(sessions.map((s) => [s.sessionId, s]));
	const titles = new Map(comparison.dimensions.map((d) => [d.id, d.title]));
	const agreed = conversation.actionsOfSessions(
		db,
		comparison.rows.flatMap((r) => (r.sessionId === null ? [] : [r.sessionId]))
	);
	const lookedBack = followUps.latestVisible(
		db,
		agreed.map((a) => a.id),
		mayViewSession(db, actor)
	);
	const actions = agreed.map((a) => ({
		id: a.id,
		team: bySession.get(a.sessionId)?.teamName ?? '',
		meetronde: bySession.get(a.sessionId)?.meetrondeName ?? '',
		dimension: titles.get(a.dimensionId) ?? '',
		what: a.what,
		who: a.who,
		dueOn: a.dueOn,
		status: a.status,
		// What the team said of it at its next round ("team over rounds").
		followUp: followUpText(lookedBack.get(a.id))
	}));
	return {
		sources,
		questionnaires,
		request,
		comparison: { ...comparison, sessionCount: sessions.length },
		actions,
		today: new Date().toISOString().slice(0, 10),
		csvQuery: new URLSearchParams({
			bron: request.source,
			vragenlijst: request.questionnaireId,
			soort: request.kind,
			...(request.teamId ? { team: String(request.teamId) } : {}),
			...(request.meetrondeId ? { ronde: String(request.meetrondeId) } : {}),
			gemiddelde: request.average,
			profiel: request.profile,
			meting: request.measure ?? 'nu'
		}).toString()
	};
};
