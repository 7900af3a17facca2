import { contactEmail } from '$lib/server/config';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ contact: contactEmail() });
