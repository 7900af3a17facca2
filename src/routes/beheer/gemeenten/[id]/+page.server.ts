import { fail, redirect } from '@sveltejs/kit';
import { canManageGemeente, canViewGemeente } from '$lib/domain/access';
import {
	ConfirmNameSchema,
	GemeenteSchema,
	MeetrondeSchema,
	parseForm,
	TeamSchema
} from '$lib/domain/forms';
import { getDb } from '$lib/server/app';
import * as audit from '$lib/server/db/audit';
import * as gemeenten from '$lib/server/db/gemeenten';
import * as meetrondes from '$lib/server/db/meetrondes';
import * as sessions from '$lib/server/db/sessions';
import * as teams from '$lib/server/db/teams';
import {
	forbidden,
	idParam,
	notFound,
	requireBeheerder,
	requireGemeenteManager,
	requireSignedIn
} from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) => {
	const { actor } = requireSignedIn(locals, url);
	const id = idParam(params.id);
	if (!canViewGemeente(actor, id)) forbidden();
	const db = getDb();
	const gemeente = gemeenten.get(db, id) ?? notFound('Deze gemeente');
	const audience = canManageGemeente(actor, id) ? 'manager' : 'viewer';
	return {
		gemeente,
		teams: teams.listByGemeente(db, id).map((team) => ({
			...team,
			sessions: sessions.listForTeam(db, team.id, audience)
		})),
		meetrondes: meetrondes.listForGemeente(db, id),
		canManage: canManageGemeente(actor, id),
		isBeheerder: actor.role === 'beheerder',
		// Only the beheerder deletes a gemeente; for others it would be a live count of starts.
		responseCount: actor.role === 'beheerder' ? gemeenten.responseCount(db, id) : 0
	};
};

export const actions: Actions = {
	team: async ({ locals, url, params, request }) => {
		const id = idParam(params.id);
		requireGemeenteManager(locals, url, id);
		const parsed = parseForm(TeamSchema, await request.formData(), ['tasks']);
		if (!parsed.ok) return fail(400, { form: 'team', ...parsed });
		const db = getDb();
		if (teams.findByName(db, id, parsed.data.name)) {
			return fail(400, {
				form: 'team',
				values: parsed.data,
				errors: { name: 'Deze gemeente heeft al een team met deze naam.' }
			});
		}
		redirect(303, `/beheer/teams/${teams.create(db, { gemeenteId: id, ...parsed.data })}`);
	},
	meetronde: async ({ locals, url, params, request }) => {
		const id = idParam(params.id);
		requireGemeenteManager(locals, url, id);
		const parsed = parseForm(MeetrondeSchema, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'meetronde', ...parsed });
		meetrondes.create(getDb(), { ...parsed.data, gemeenteId: id });
		return { form: 'meetronde', saved: true };
	},
	hernoemen: async ({ locals, url, params, request }) => {
		requireBeheerder(locals, url);
		const parsed = parseForm(GemeenteSchema, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'hernoemen', ...parsed });
		gemeenten.rename(getDb(), idParam(params.id), parsed.data.name);
		return { form: 'hernoemen', saved: true };
	},
	verwijderen: async ({ locals, url, params, request }) => {
		const { user } = requireBeheerder(locals, url);
		const db = getDb();
		const gemeente = gemeenten.get(db, idParam(params.id)) ?? notFound('Deze gemeente');
		const parsed = parseForm(ConfirmNameSchema(gemeente.name), await request.formData());
		if (!parsed.ok) return fail(400, { form: 'verwijderen', ...parsed });
		const lost = gemeenten.responseCount(db, gemeente.id);
		db.transaction((tx) => {
			gemeenten.remove(tx, gemeente.id);
			audit.record(
				tx,
				user,
				'verwijderd',
				`gemeente ${gemeente.name} met ${lost} ingevulde vragenlijsten`
			);
		});
		redirect(303, '/beheer');
	}
};
