import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/app';
import { safeNextPath } from '$lib/domain/redirect';
import { checkLogin, tryAgainIn } from '$lib/server/login-attempts';
import { signIn } from '$lib/server/login';
import type { Actions, PageServerLoad } from './$types';

const LoginSchema = z.object({
	email: z.string().trim().toLowerCase().min(1, 'Vul je e-mailadres in.').max(200),
	password: z.string().min(1, 'Vul je wachtwoord in.').max(500)
});

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.signedIn) redirect(303, safeNextPath(url.searchParams.get('naar')));
	return {};
};

export const actions: Actions = {
	default: async ({ request, cookies, locals, url, getClientAddress }) => {
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
		signIn(db, cookies, locals, check.userId);
		redirect(303, safeNextPath(url.searchParams.get('naar')));
	}
};
