import { fail, redirect } from '@sveltejs/kit';
import { DEFAULT_MIN_RESPONDENTS } from '$lib/domain/scoring';
import { ConfirmNameSchema, parseForm, SessionSchema, TeamSchema } from '$lib/domain/forms';
import { getDb } from '$lib/server/app';
import * as audit from '$lib/server/db/audit';
import * as leerbewegingen from '$lib/server/db/leerbewegingen';
import * as meetrondes from '$lib/server/db/meetrondes';
import * as questionnaireVersions from '$lib/server/db/questionnaire-versions';
import * as sessions from '$lib/server/db/sessions';
import * as teams from '$lib/server/db/teams';
import { canEditTeam, canManageSession, canUseRound, type Actor } from '$lib/domain/access';
import {
	idParam,
	notFound,
	requireTeamEditor,
	requireTeamManager,
	sessionScopeOf,
	teamScopeOf
} from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

/**
 * Rounds this actor may start a session of this team in: its gemeente's and its leerbewegingen's
 * for the gemeente's managers, only the leerbeweging's own for a leerbeweging's facilitator.
 */
function roundsFor(db: ReturnType<typeof getDb>, actor: Actor, teamId: number) {
	const scope = teamScopeOf(db, teamId);
	const own = meetrondes
		.listForGemeente(db, scope.gemeenteId)
		.map((m) => ({ ...m, owner: 'gemeente' }));
	const shared = scope.leerbewegingIds.flatMap((id) => {
		const name = leerbewegingen.get(db, id)?.name ?? '';
		return meetrondes.listForLeerbeweging(db, id).map((m) => ({ ...m, owner: name }));
	});
	return [...own, ...shared].filter((m) => canUseRound(actor, scope, m));
}

export const load: PageServerLoad = ({ locals, url, params }) => {
	const db = getDb();
	const id = idParam(params.id);
	const { actor } = requireTeamManager(locals, url, db, id);
	const team = teams.get(db, id) ?? notFound('Dit team');
	const scope = teamScopeOf(db, id);
	const canEdit = canEditTeam(actor, scope);
	return {
		// The team profile is the gemeente's: a leerbeweging's facilitator gets the name only.
		team: canEdit
			? team
			: { ...team, tasks: [], composition: null, legalForm: null, targetGroup: null },
		canEdit,
		// A leerbeweging's facilitator sees only the sessions in its own rounds.
		sessions: sessions
			.listForTeam(db, id, 'manager')
			.filter((s) => canManageSession(actor, sessionScopeOf(db, s))),
		rounds: roundsFor(db, actor, id),
		questionnaires: questionnaireVersions.list(db),
		responseCount: canEdit ? teams.responseCount(db, id) : 0,
		defaultMin: DEFAULT_MIN_RESPONDENTS
	};
};

export const actions: Actions = {
	profiel: async ({ locals, url, params, request }) => {
		const db = getDb();
		const id = idParam(params.id);
		requireTeamEditor(locals, url, db, id);
		const parsed = parseForm(TeamSchema, await request.formData(), ['tasks']);
		if (!parsed.ok) return fail(400, { form: 'profiel', ...parsed });
		const team = teams.get(db, id)!;
		const clash = teams.findByName(db, team.gemeenteId, parsed.data.name);
		if (clash && clash.id !== id) {
			return fail(400, {
				form: 'profiel',
				values: parsed.data,
				errors: { name: 'Deze gemeente heeft al een team met deze naam.' }
			});
		}
		teams.update(db, id, parsed.data);
		return { form: 'profiel', saved: true };
	},
	sessie: async ({ locals, url, params, request }) => {
		const db = getDb();
		const id = idParam(params.id);
		const { actor } = requireTeamManager(locals, url, db, id);
		const parsed = parseForm(SessionSchema, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'sessie', ...parsed });
		const errors: Record<string, string> = {};
		if (!roundsFor(db, actor, id).some((r) => r.id === parsed.data.meetrondeId)) {
			errors.meetrondeId = 'Kies een meetronde van de gemeente of leerbeweging van dit team.';
		}
		if (!questionnaireVersions.list(db).some((q) => q.id === parsed.data.questionnaireVersionId)) {
			errors.questionnaireVersionId = 'Kies een vragenlijst uit de lijst.';
		}
		if (Object.keys(errors).length > 0)
			return fail(400, { form: 'sessie', values: parsed.data, errors });
		const session = sessions.create(db, { teamId: id, ...parsed.data, status: 'draft' });
		redirect(303, `/beheer/sessies/${session.id}`);
	},
	verwijderen: async ({ locals, url, params, request }) => {
		const db = getDb();
		const id = idParam(params.id);
		const { user } = requireTeamEditor(locals, url, db, id);
		const team = teams.get(db, id)!;
		const parsed = parseForm(ConfirmNameSchema(team.name), await request.formData());
		if (!parsed.ok) return fail(400, { form: 'verwijderen', ...parsed });
		const lost = teams.responseCount(db, id);
		db.transaction((tx) => {
			teams.remove(tx, id);
			audit.record(
				tx,
				user,
				'verwijderd',
				`team ${team.name} (${team.gemeenteName}) met ${lost} ingevulde vragenlijsten`
			);
		});
		redirect(303, `/beheer/gemeenten/${team.gemeenteId}`);
	}
};
