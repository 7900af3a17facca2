import { fail, redirect } from '@sveltejs/kit';
import { NewPasswordSchema, parseForm } from '$lib/domain/forms';
import { getDb } from '$lib/server/app';
import { hashPassword } from '$lib/server/auth';
import * as users from '$lib/server/db/users';
import { signIn } from '$lib/server/login';
import { passwordProblem } from '$lib/server/password-policy';
import { hashToken } from '$lib/server/tokens';
import { localPasswordsOn } from '$lib/server/sign-in-settings';
import type { Actions, PageServerLoad } from './$types';

const PASSWORDS_OFF = 'Inloggen met een wachtwoord staat uit. Log in met je organisatie-account.';

export const load: PageServerLoad = ({ params }) => {
	const invitation = users.findInvitation(getDb(), hashToken(params.token));
	// A link for someone who already has a password is a reset: the page says so.
	return {
		invitation: invitation
			? { name: invitation.name, email: invitation.email, reset: invitation.hasPassword === 1 }
			: null,
		passwords: localPasswordsOn()
	};
};

export const actions: Actions = {
	default: async ({ params, request, cookies, locals }) => {
		// With passwords off, the invitation only says who may sign in with the organisation account.
		if (!localPasswordsOn()) return fail(403, { errors: { password: PASSWORDS_OFF } });
		const db = getDb();
		const invitation = users.findInvitation(db, hashToken(params.token));
		if (!invitation)
			return fail(410, { errors: { password: 'Deze uitnodiging is verlopen of al gebruikt.' } });
		const parsed = parseForm(NewPasswordSchema, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		const weak = passwordProblem(parsed.data.password, [invitation.email, invitation.name]);
		if (weak) return fail(400, { errors: { password: weak } });
		const accepted = users.acceptInvitation(
			db,
			invitation.id,
			invitation.userId,
			await hashPassword(parsed.data.password)
		);
		if (!accepted)
			return fail(410, { errors: { password: 'Deze uitnodiging is verlopen of al gebruikt.' } });
		signIn(db, cookies, locals, invitation.userId);
		redirect(303, '/beheer');
	}
};
