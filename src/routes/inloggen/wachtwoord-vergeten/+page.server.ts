import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { env } from '$env/dynamic/private';
import { getDb } from '$lib/server/app';
import { tryAgainIn } from '$lib/server/login-attempts';
import { currentMailSettings } from '$lib/server/mail';
import { requestPasswordReset, RESET_MINUTES } from '$lib/server/password-reset';
import type { Actions, PageServerLoad } from './$types';

const ForgotSchema = z.strictObject({
	email: z
		.string({ error: 'Vul je e-mailadres in.' })
		.trim()
		.toLowerCase()
		.min(1, 'Vul je e-mailadres in.')
		.max(200, 'Dit e-mailadres is te lang.')
		.regex(/^[^\s@]+@[^\s@]+$/, 'Vul een e-mailadres in, bijvoorbeeld naam@gemeente.nl.')
});

/**
 * The link in the mail must point at the real site. Taken from the request, an attacker could ask
 * a reset for someone else with a forged Host header and receive the token when that person
 * clicks; so this needs ORIGIN, besides SMTP.
 */
function resetSetup() {
	const settings = currentMailSettings(env);
	const origin = env.ORIGIN?.replace(/\/+$/, '');
	return settings && origin ? { settings, origin } : null;
}

export const load: PageServerLoad = ({ url }) => ({
	mailOn: resetSetup() !== null,
	requested: url.searchParams.has('verstuurd'),
	minutes: RESET_MINUTES
});

export const actions: Actions = {
	default: async ({ request, getClientAddress }) => {
		const setup = resetSetup();
		if (!setup) {
			return fail(400, { email: '', errors: {}, message: 'Vraag een beheerder om een link.' });
		}
		const form = Object.fromEntries(await request.formData());
		const email = typeof form.email === 'string' ? form.email.slice(0, 200) : '';
		const parsed = ForgotSchema.safeParse({ email: form.email });
		if (!parsed.success) {
			const errors = { email: parsed.error.issues[0].message };
			return fail(400, { email, errors, message: 'Controleer het e-mailadres.' });
		}
		const result = requestPasswordReset(getDb(), {
			email: parsed.data.email,
			client: getClientAddress(),
			origin: setup.origin,
			settings: setup.settings
		});
		if (result.outcome === 'limited') {
			return fail(429, {
				email,
				errors: {},
				message: `Je hebt dit te vaak gevraagd. ${tryAgainIn(result.waitMs)}`
			});
		}
		// The same answer whether or not the address has an account.
		redirect(303, '/inloggen/wachtwoord-vergeten?verstuurd');
	}
};
