import { redirect } from '@sveltejs/kit';
import { formatResumeCode } from '$lib/domain/codes';
import { getDb } from '$lib/server/app';
import { currentResponse, resumeCodeFromCookie, sessionForCode } from '$lib/server/respondent';
import type { PageServerLoad } from './$types';

/** Stop for now: shows the personal code to continue with, on this or another device. */
export const load: PageServerLoad = ({ params, url, cookies }) => {
	const db = getDb();
	const { session } = sessionForCode(db, params.code, url);
	const response = currentResponse(db, cookies, session.id);
	if (!response) redirect(303, `/s/${session.joinCode}`);
	if (response.submittedAt) redirect(303, `/s/${session.joinCode}/klaar`);
	const resumeCode = resumeCodeFromCookie(cookies);
	return { resumeCode: resumeCode ? formatResumeCode(resumeCode) : null };
};
