import { fail } from '@sveltejs/kit';
import { ChangePasswordSchema, parseForm } from '$lib/domain/forms';
import { getDb } from '$lib/server/app';
import { hashPassword } from '$lib/server/auth';
import { checkCurrentPassword, tryAgainIn } from '$lib/server/login-attempts';
import * as users from '$lib/server/db/users';
import { requireSignedIn } from '$lib/server/guard';
import { passwordProblem } from '$lib/server/password-policy';
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
		const weak = passwordProblem(parsed.data.password, [user.email, user.name]);
		if (weak) return fail(400, { errors: { password: weak } as Record<string, string> });
		const db = getDb();
		const check = await checkCurrentPassword(db, user.id, parsed.data.current);
		if (check.outcome === 'limited') {
			return fail(429, {
				errors: {
					current: `Je vulde te vaak een verkeerd wachtwoord in. ${tryAgainIn(check.waitMs)}`
				} as Record<string, string>
			});
		}
		if (check.outcome === 'wrong') {
			return fail(400, {
				errors: { current: 'Je huidige wachtwoord klopt niet.' } as Record<string, string>
			});
		}
		users.setPassword(db, user.id, await hashPassword(parsed.data.password));
		users.deleteOtherSessions(db, user.id, sessionId);
		return { saved: true };
	}
};
