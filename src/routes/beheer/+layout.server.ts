import { requireSignedIn } from '$lib/server/guard';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
	const { user } = requireSignedIn(locals, url);
	return { user };
};
