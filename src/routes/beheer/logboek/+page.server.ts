import { getDb } from '$lib/server/app';
import * as audit from '$lib/server/db/audit';
import { requireBeheerder } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireBeheerder(locals, url);
	return { entries: audit.latest(getDb()) };
};
