import { DEFAULT_MIN_RESPONDENTS, MIN_RESPONDENTS_FLOOR } from '$lib/domain/scoring';
import { INVITATION_DAYS, SESSION_HOURS } from '$lib/server/auth';
import { contactEmail, retentionForStatement } from '$lib/server/config';
import { RESET_MINUTES } from '$lib/server/password-reset';
import { RESPONDENT_COOKIE_HOURS } from '$lib/server/respondent';
import type { PageServerLoad } from './$types';

/** The figures the statement names come from the code itself, so they cannot drift apart. */
export const load: PageServerLoad = () => ({
	contact: contactEmail(),
	retentionMonths: retentionForStatement(),
	minRespondents: DEFAULT_MIN_RESPONDENTS,
	minRespondentsFloor: MIN_RESPONDENTS_FLOOR,
	cookieHours: RESPONDENT_COOKIE_HOURS,
	sessionHours: SESSION_HOURS,
	invitationDays: INVITATION_DAYS,
	resetMinutes: RESET_MINUTES
});
