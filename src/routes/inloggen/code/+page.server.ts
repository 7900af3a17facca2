import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/app';
import { cookieOptions } from '$lib/server/cookies';
import { checkSecondFactor, tryAgainIn } from '$lib/server/login-attempts';
import { signIn } from '$lib/server/login';
import { CODE_COOKIE, CODE_PATH, pendingCodes } from '$lib/server/second-step';
import type { Actions, PageServerLoad } from './$types';

const CodeSchema = z.object({
	code: z
		.string()
		.trim()
		.min(1, 'Vul de code uit je app of een herstelcode in.')
		.max(40, 'Deze code is te lang.')
});

const EXPIRED = 'Je inlogpoging is verlopen. Log opnieuw in met je e-mailadres en wachtwoord.';

export const load: PageServerLoad = ({ cookies }) => ({
	// Without a checked password (or after 5 minutes) there is nothing to add a code to.
	expired: !pendingCodes.peek(cookies.get(CODE_COOKIE))
});

export const actions: Actions = {
	default: async ({ request, cookies, locals, getClientAddress }) => {
		const token = cookies.get(CODE_COOKIE);
		const pending = pendingCodes.peek(token);
		if (!pending) return fail(400, { errors: {}, message: EXPIRED });
		const parsed = CodeSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) {
			const message = parsed.error.issues[0].message;
			return fail(400, { errors: { code: message }, message });
		}
		const db = getDb();
		const check = checkSecondFactor(db, pending.userId, parsed.data.code, getClientAddress());
		if (check.outcome === 'limited') {
			const message = `Te veel verkeerde codes. ${tryAgainIn(check.waitMs)}`;
			return fail(429, { errors: { code: message }, message });
		}
		if (check.outcome === 'wrong') {
			const message = 'Deze code klopt niet. Kijk of je de nieuwste code uit je app gebruikt.';
			return fail(400, { errors: { code: message }, message });
		}
		pendingCodes.take(token);
		cookies.delete(CODE_COOKIE, cookieOptions(locals, CODE_PATH));
		signIn(
			db,
			cookies,
			locals,
			pending.userId,
			check.how === 'code' ? 'wachtwoord+code' : 'wachtwoord+herstelcode'
		);
		redirect(303, pending.next);
	}
};
