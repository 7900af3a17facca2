import { fail, redirect } from '@sveltejs/kit';
import { GemeenteSchema, LeerbewegingSchema, parseForm } from '$lib/domain/forms';
import { getDb } from '$lib/server/app';
import * as gemeenten from '$lib/server/db/gemeenten';
import * as leerbewegingen from '$lib/server/db/leerbewegingen';
import { requireBeheerder, requireSignedIn } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const { actor } = requireSignedIn(locals, url);
	const db = getDb();
	const all = actor.role === 'beheerder';
	return {
		gemeenten: gemeenten.list(db, all ? undefined : actor.gemeenteIds),
		leerbewegingen:
			actor.role === 'gemeente-viewer'
				? []
				: leerbewegingen.list(db, all ? undefined : actor.leerbewegingIds),
		canCreate: all
	};
};

export const actions: Actions = {
	gemeente: async ({ locals, url, request }) => {
		requireBeheerder(locals, url);
		const parsed = parseForm(GemeenteSchema, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'gemeente', ...parsed });
		const db = getDb();
		if (gemeenten.findByName(db, parsed.data.name)) {
			return fail(400, {
				form: 'gemeente',
				values: parsed.data,
				errors: { name: 'Deze gemeente bestaat al.' }
			});
		}
		redirect(303, `/beheer/gemeenten/${gemeenten.create(db, parsed.data.name)}`);
	},
	leerbeweging: async ({ locals, url, request }) => {
		requireBeheerder(locals, url);
		const parsed = parseForm(LeerbewegingSchema, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'leerbeweging', ...parsed });
		const db = getDb();
		if (leerbewegingen.findByName(db, parsed.data.name)) {
			return fail(400, {
				form: 'leerbeweging',
				values: parsed.data,
				errors: { name: 'Deze leerbeweging bestaat al.' }
			});
		}
		const id = leerbewegingen.create(db, parsed.data.name, parsed.data.description);
		redirect(303, `/beheer/leerbewegingen/${id}`);
	}
};
