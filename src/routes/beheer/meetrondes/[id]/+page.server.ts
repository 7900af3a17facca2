import { fail, redirect } from '@sveltejs/kit';
import { canManageGemeente, canManageLeerbeweging } from '$lib/domain/access';
import { ConfirmNameSchema, MeetrondeSchema, parseForm } from '$lib/domain/forms';
import { getDb } from '$lib/server/app';
import * as audit from '$lib/server/db/audit';
import * as meetrondes from '$lib/server/db/meetrondes';
import { forbidden, idParam, notFound, requireSignedIn } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

/** A round belongs to a gemeente or a leerbeweging; whoever manages that owner manages the round. */
function managedRound(locals: App.Locals, url: URL, rawId: string) {
	const { actor } = requireSignedIn(locals, url);
	const ronde = meetrondes.get(getDb(), idParam(rawId)) ?? notFound('Deze meetronde');
	const allowed = ronde.gemeenteId
		? canManageGemeente(actor, ronde.gemeenteId)
		: canManageLeerbeweging(actor, ronde.leerbewegingId!);
	if (!allowed) forbidden();
	return ronde;
}

function ownerPath(ronde: { gemeenteId: number | null; leerbewegingId: number | null }): string {
	return ronde.gemeenteId
		? `/beheer/gemeenten/${ronde.gemeenteId}`
		: `/beheer/leerbewegingen/${ronde.leerbewegingId}`;
}

export const load: PageServerLoad = ({ locals, url, params }) => {
	const ronde = managedRound(locals, url, params.id);
	return {
		ronde,
		back: ownerPath(ronde),
		responseCount: meetrondes.responseCount(getDb(), ronde.id)
	};
};

export const actions: Actions = {
	bewerken: async ({ locals, url, params, request }) => {
		const ronde = managedRound(locals, url, params.id);
		const parsed = parseForm(MeetrondeSchema, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'bewerken', ...parsed });
		meetrondes.update(getDb(), ronde.id, parsed.data);
		return { form: 'bewerken', saved: true };
	},
	verwijderen: async ({ locals, url, params, request }) => {
		const ronde = managedRound(locals, url, params.id);
		const parsed = parseForm(ConfirmNameSchema(ronde.name), await request.formData());
		if (!parsed.ok) return fail(400, { form: 'verwijderen', ...parsed });
		const db = getDb();
		const lost = meetrondes.responseCount(db, ronde.id);
		db.transaction((tx) => {
			meetrondes.remove(tx, ronde.id);
			audit.record(
				tx,
				locals.signedIn!.user,
				'verwijderd',
				`meetronde ${ronde.name} met ${lost} ingevulde vragenlijsten`
			);
		});
		redirect(303, ownerPath(ronde));
	}
};
