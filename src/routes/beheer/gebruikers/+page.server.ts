import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { ConfirmNameSchema, parseForm, UserSchema } from '$lib/domain/forms';
import { ROLE_LABELS } from '$lib/domain/access';
import { getDb } from '$lib/server/app';
import { env } from '$env/dynamic/private';
import { INVITATION_DAYS } from '$lib/server/auth';
import * as gemeenten from '$lib/server/db/gemeenten';
import * as leerbewegingen from '$lib/server/db/leerbewegingen';
import * as audit from '$lib/server/db/audit';
import * as users from '$lib/server/db/users';
import { requireBeheerder } from '$lib/server/guard';
import { originForOthers } from '$lib/server/origin';
import { createInvitationLink, mailInvitation } from '$lib/server/invitations';
import { currentMailSettings } from '$lib/server/mail';
import type { Actions, PageServerLoad } from './$types';

const UserIdSchema = z.strictObject({ userId: z.coerce.number().int().positive() });

export const load: PageServerLoad = ({ locals, url }) => {
	const { user: me } = requireBeheerder(locals, url);
	const db = getDb();
	const list = users.listWithMemberships(db);
	// ?verwijderen=ID only shows the confirmation step; deleting takes the POST below.
	const toDelete = Number(url.searchParams.get('verwijderen'));
	return {
		users: list,
		confirmDelete: list.find((u) => u.id === toDelete && u.id !== me.id) ?? null,
		gemeenten: gemeenten.list(db),
		leerbewegingen: leerbewegingen.list(db),
		invitationDays: INVITATION_DAYS,
		mailOn: currentMailSettings(env) !== null
	};
};

export const actions: Actions = {
	toevoegen: async ({ locals, url, request }) => {
		requireBeheerder(locals, url);
		const parsed = parseForm(UserSchema, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'toevoegen', ...parsed });
		const db = getDb();
		const { name, email, role, scope } = parsed.data;
		const errors: Record<string, string> = {};
		if (users.findByEmail(db, email)) errors.email = 'Er is al een account met dit e-mailadres.';
		if (role !== 'beheerder' && scope === '')
			errors.scope = 'Kies bij welke gemeente of leerbeweging deze persoon hoort.';
		if (role === 'gemeente-viewer' && scope.startsWith('leerbeweging'))
			errors.scope = 'Een gemeente-account hoort bij een gemeente.';
		const [kind, rawId] = scope.split(':');
		const scopeId = Number(rawId);
		if (kind === 'gemeente' && !gemeenten.get(db, scopeId))
			errors.scope = 'Kies een gemeente uit de lijst.';
		if (kind === 'leerbeweging' && !leerbewegingen.get(db, scopeId))
			errors.scope = 'Kies een leerbeweging uit de lijst.';
		if (Object.keys(errors).length > 0)
			return fail(400, { form: 'toevoegen', errors, values: parsed.data });
		const link = db.transaction((tx) => {
			const userId = users.create(tx, { name, email, role, passwordHash: null });
			if (role !== 'beheerder') {
				users.addMembership(
					tx,
					userId,
					kind === 'gemeente' ? { gemeenteId: scopeId } : { leerbewegingId: scopeId }
				);
			}
			audit.record(
				tx,
				locals.signedIn!.user,
				'gebruiker toegevoegd',
				`${email} (${ROLE_LABELS[role]})`
			);
			return createInvitationLink(tx, userId, originForOthers(locals).origin);
		});
		const mail = await mailInvitation(
			currentMailSettings(env),
			{ name, email, active: false },
			link
		);
		return { form: 'toevoegen', invited: { name, email, link, mail } };
	},
	uitnodigen: async ({ locals, url, request }) => {
		requireBeheerder(locals, url);
		const parsed = parseForm(UserIdSchema, await request.formData());
		const db = getDb();
		const user = parsed.ok ? users.get(db, parsed.data.userId) : undefined;
		if (!user)
			return fail(400, {
				form: 'uitnodigen',
				errors: { userId: 'Deze gebruiker bestaat niet.' } as Record<string, string>
			});
		const link = createInvitationLink(db, user.id, originForOthers(locals).origin);
		const mail = await mailInvitation(
			currentMailSettings(env),
			{ name: user.name, email: user.email, active: user.passwordHash !== null },
			link
		);
		return { form: 'uitnodigen', invited: { name: user.name, email: user.email, link, mail } };
	},
	verwijderen: async ({ locals, url, request }) => {
		const { user: me } = requireBeheerder(locals, url);
		const form = await request.formData();
		const parsed = parseForm(UserIdSchema, form, [], ['confirm']);
		if (!parsed.ok || parsed.data.userId === me.id) {
			return fail(400, {
				form: 'verwijderen',
				errors: { userId: 'Je kunt je eigen account hier niet verwijderen.' } as Record<
					string,
					string
				>
			});
		}
		const db = getDb();
		const removed = users.get(db, parsed.data.userId);
		if (!removed) {
			return fail(400, {
				form: 'verwijderen',
				errors: { userId: 'Deze gebruiker bestaat niet (meer).' } as Record<string, string>
			});
		}
		// As for teams and sessions: typing the name makes a slip of the mouse harmless.
		const confirmed = parseForm(ConfirmNameSchema(removed.name), form, [], ['userId']);
		if (!confirmed.ok) {
			return fail(400, {
				form: 'verwijderen',
				confirmUserId: removed.id,
				errors: confirmed.errors
			});
		}
		db.transaction((tx) => {
			users.remove(tx, removed.id);
			audit.record(tx, me, 'gebruiker verwijderd', removed.email);
		});
		return { form: 'verwijderen', removed: true };
	}
};
