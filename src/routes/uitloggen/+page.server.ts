import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { signOut } from '$lib/server/login';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: ({ cookies, locals }) => {
		signOut(getDb(), cookies, locals);
		redirect(303, '/inloggen?uitgelogd');
	}
};
