import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/app';
import { safeNextPath } from '$lib/domain/redirect';
import { cookieOptions } from '$lib/server/cookies';
import * as twoFactor from '$lib/server/db/two-factor';
import { checkLogin, tryAgainIn } from '$lib/server/login-attempts';
import { signIn } from '$lib/server/login';
import { localPasswordsOn, oidcSettings } from '$lib/server/sign-in-settings';
import { CODE_COOKIE, CODE_PATH, pendingCodes } from '$lib/server/second-step';
import type { Actions, PageServerLoad } from './$types';

const LoginSchema = z.object({
	email: z.string().trim().toLowerCase().min(1, 'Vul je e-mailadres in.').max(200),
	password: z.string().min(1, 'Vul je wachtwoord in.').max(500)
});

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.signedIn) redirect(303, safeNextPath(url.searchParams.get('naar')));
	return {
		organisation: oidcSettings() !== null,
		passwords: localPasswordsOn(),
		next: url.searchParams.get('naar')
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, locals, url, getClientAddress }) => {
		if (!localPasswordsOn()) {
			return fail(403, {
				email: '',
				errors: {},
				message: 'Inloggen met een wachtwoord staat uit. Log in met je organisatie-account.'
			});
		}
		const form = Object.fromEntries(await request.formData());
		const email = typeof form.email === 'string' ? form.email.slice(0, 200) : '';
		const parsed = LoginSchema.safeParse(form);
		if (!parsed.success) {
			const errors = Object.fromEntries(
				parsed.error.issues.map((i) => [String(i.path[0]), i.message])
			);
			return fail(400, { email, errors, message: 'Vul beide velden in.' });
		}
		const db = getDb();
		const check = await checkLogin(db, parsed.data.email, parsed.data.password, getClientAddress());
		if (check.outcome === 'limited') {
			return fail(429, {
				email,
				errors: {},
				message: `Te veel mislukte pogingen. ${tryAgainIn(check.waitMs)}`
			});
		}
		if (check.outcome === 'wrong') {
			return fail(400, {
				email,
				errors: {},
				message: 'Het e-mailadres of het wachtwoord klopt niet.'
			});
		}
		const next = safeNextPath(url.searchParams.get('naar'));
		if (twoFactor.secretOf(db, check.userId)) {
			// The password was right; the session starts only after the code (second step).
			const token = pendingCodes.put({ userId: check.userId, next });
			cookies.set(CODE_COOKIE, token, cookieOptions(locals, CODE_PATH, pendingCodes.ttlMs / 1000));
			redirect(303, CODE_PATH);
		}
		signIn(db, cookies, locals, check.userId);
		redirect(303, next);
	}
};
