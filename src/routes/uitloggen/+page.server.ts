import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { signOut } from '$lib/server/login';
import { endSessionUrl } from '$lib/server/oidc';
import { oidcSettings } from '$lib/server/sign-in-settings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ cookies, locals }) => {
		const method = signOut(getDb(), cookies, locals);
		const settings = oidcSettings();
		// Signed in with the organisation account: end it at the provider too, when it offers that,
		// so the next person at this computer is not signed in there.
		if (method === 'organisatie' && settings) {
			const url = await endSessionUrl(settings, locals.origin);
			if (url) redirect(303, url.href);
		}
		redirect(303, '/inloggen?uitgelogd');
	}
};
