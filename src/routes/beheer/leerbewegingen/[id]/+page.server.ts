import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { canManageLeerbeweging, canManageSession } from '$lib/domain/access';
import {
	ConfirmNameSchema,
	LeerbewegingSchema,
	MeetrondeSchema,
	parseForm
} from '$lib/domain/forms';
import { getDb } from '$lib/server/app';
import * as audit from '$lib/server/db/audit';
import * as leerbewegingen from '$lib/server/db/leerbewegingen';
import * as meetrondes from '$lib/server/db/meetrondes';
import * as sessions from '$lib/server/db/sessions';
import * as teams from '$lib/server/db/teams';
import {
	forbidden,
	idParam,
	notFound,
	requireBeheerder,
	requireSignedIn,
	sessionScopeOf
} from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

const TeamIdSchema = z.strictObject({
	teamId: z.coerce.number({ error: 'Kies een team.' }).int().positive('Kies een team.')
});

function requireManager(locals: App.Locals, url: URL, id: number) {
	const signedIn = requireSignedIn(locals, url);
	if (!canManageLeerbeweging(signedIn.actor, id)) forbidden();
	return signedIn;
}

export const load: PageServerLoad = ({ locals, url, params }) => {
	const id = idParam(params.id);
	const { actor } = requireManager(locals, url, id);
	const db = getDb();
	const leerbeweging = leerbewegingen.get(db, id) ?? notFound('Deze leerbeweging');
	const members = leerbewegingen.teamsOf(db, id);
	const memberIds = new Set(members.map((m) => m.id));
	return {
		leerbeweging,
		teams: members.map((team) => ({
			...team,
			// Only sessions in rounds this person runs: not the counts of a gemeente's own rounds.
			sessions: sessions
				.listForTeam(db, team.id, 'manager')
				.filter((s) => canManageSession(actor, sessionScopeOf(db, s)))
		})),
		meetrondes: meetrondes.listForLeerbeweging(db, id),
		candidates:
			actor.role === 'beheerder' ? teams.listAll(db).filter((t) => !memberIds.has(t.id)) : [],
		isBeheerder: actor.role === 'beheerder'
	};
};

export const actions: Actions = {
	bewerken: async ({ locals, url, params, request }) => {
		const id = idParam(params.id);
		requireManager(locals, url, id);
		const parsed = parseForm(LeerbewegingSchema, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'bewerken', ...parsed });
		leerbewegingen.update(getDb(), id, parsed.data.name, parsed.data.description);
		return { form: 'bewerken', saved: true };
	},
	meetronde: async ({ locals, url, params, request }) => {
		const id = idParam(params.id);
		requireManager(locals, url, id);
		const parsed = parseForm(MeetrondeSchema, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'meetronde', ...parsed });
		meetrondes.create(getDb(), { ...parsed.data, leerbewegingId: id });
		return { form: 'meetronde', saved: true };
	},
	// Adding a team hands its facilitators access to it: a beheerder's decision.
	teamToevoegen: async ({ locals, url, params, request }) => {
		requireBeheerder(locals, url);
		const parsed = parseForm(TeamIdSchema, await request.formData());
		const db = getDb();
		if (!parsed.ok || !teams.get(db, parsed.data.teamId)) {
			return fail(400, {
				form: 'teamToevoegen',
				errors: { teamId: 'Kies een team uit de lijst.' } as Record<string, string>,
				values: {}
			});
		}
		leerbewegingen.addTeam(db, idParam(params.id), parsed.data.teamId);
		return { form: 'teamToevoegen', saved: true };
	},
	teamVerwijderen: async ({ locals, url, params, request }) => {
		requireBeheerder(locals, url);
		const parsed = parseForm(TeamIdSchema, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'teamVerwijderen', ...parsed });
		leerbewegingen.removeTeam(getDb(), idParam(params.id), parsed.data.teamId);
		return { form: 'teamVerwijderen', saved: true };
	},
	verwijderen: async ({ locals, url, params, request }) => {
		const { user } = requireBeheerder(locals, url);
		const db = getDb();
		const leerbeweging =
			leerbewegingen.get(db, idParam(params.id)) ?? notFound('Deze leerbeweging');
		const parsed = parseForm(ConfirmNameSchema(leerbeweging.name), await request.formData());
		if (!parsed.ok) return fail(400, { form: 'verwijderen', ...parsed });
		db.transaction((tx) => {
			leerbewegingen.remove(tx, leerbeweging.id);
			audit.record(tx, user, 'verwijderd', `leerbeweging ${leerbeweging.name}`);
		});
		redirect(303, '/beheer');
	}
};
