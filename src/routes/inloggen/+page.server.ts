import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/app';
import { verifyPassword } from '$lib/server/auth';
import * as users from '$lib/server/db/users';
import { accountLimiter, loginClientLimiter } from '$lib/server/limits';
import { signIn } from '$lib/server/login';
import type { Actions, PageServerLoad } from './$types';

const LoginSchema = z.object({
	email: z.string().trim().toLowerCase().min(1, 'Vul uw e-mailadres in.').max(200),
	password: z.string().min(1, 'Vul uw wachtwoord in.').max(500)
});

// Compared against when the e-mail address is unknown, so both cases take as long.
const DUMMY_HASH =
	'scrypt$32768$8$3$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Only paths inside the app: never send someone on to another site after logging in. */
function safeNext(value: string | null): string {
	return value && value.startsWith('/') && !value.startsWith('//') ? value : '/beheer';
}

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.signedIn) redirect(303, safeNext(url.searchParams.get('naar')));
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
		const client = getClientAddress();
		const account = `account:${parsed.data.email}`;
		const wait = Math.max(
			loginClientLimiter.retryAfter(client),
			accountLimiter.retryAfter(account)
		);
		if (wait > 0) {
			const minutes = Math.ceil(wait / 60_000);
			return fail(429, {
				email,
				errors: {},
				message: `Te veel mislukte pogingen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`
			});
		}
		const db = getDb();
		const user = users.findByEmail(db, parsed.data.email);
		const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
		if (!user || !user.passwordHash || !ok) {
			loginClientLimiter.fail(client);
			accountLimiter.fail(account);
			return fail(400, {
				email,
				errors: {},
				message: 'Het e-mailadres of het wachtwoord klopt niet.'
			});
		}
		accountLimiter.reset(account);
		signIn(db, cookies, locals, user.id);
		redirect(303, safeNext(url.searchParams.get('naar')));
	}
};
