import { fail } from '@sveltejs/kit';
import { ChangePasswordSchema, parseForm } from '$lib/domain/forms';
import { getDb } from '$lib/server/app';
import { hashPassword, verifyPassword } from '$lib/server/auth';
import * as users from '$lib/server/db/users';
import { requireSignedIn } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireSignedIn(locals, url);
	return {};
};

export const actions: Actions = {
	default: async ({ locals, url, request }) => {
		const { user, sessionId } = requireSignedIn(locals, url);
		const parsed = parseForm(ChangePasswordSchema, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		const db = getDb();
		const stored = users.get(db, user.id);
		if (
			!stored?.passwordHash ||
			!(await verifyPassword(parsed.data.current, stored.passwordHash))
		) {
			return fail(400, {
				errors: { current: 'Uw huidige wachtwoord klopt niet.' } as Record<string, string>
			});
		}
		users.setPassword(db, user.id, await hashPassword(parsed.data.password));
		users.deleteOtherSessions(db, user.id, sessionId);
		return { saved: true };
	}
};
