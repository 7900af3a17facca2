import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/app';
import { groupCommit } from '$lib/server/db/group-commit';
import * as responses from '$lib/server/db/responses';
import {
	CLOSED_MESSAGE,
	currentResponse,
	mayStart,
	resumePath,
	sessionForCode,
	setRespondentCookies
} from '$lib/server/respondent';
import type { Actions, PageServerLoad } from './$types';

// No JavaScript on this page: its form posts and redirects on its own, so the page loads without
// the framework's client (issue 15: respondent pages stay under 32 KB of JavaScript).
export const csr = false;

/** Coming back on the same device continues at the first unanswered page. */
export const load: PageServerLoad = ({ params, url, cookies }) => {
	const db = getDb();
	const { session, questionnaire } = sessionForCode(db, params.code, url);
	const response = currentResponse(db, cookies, session.id);
	if (response && session.status === 'open') {
		redirect(
			303,
			response.submittedAt
				? `/s/${session.joinCode}/klaar`
				: resumePath(db, session.joinCode, questionnaire, response.id)
		);
	}
	return {};
};

export const actions: Actions = {
	start: async ({ params, url, cookies, locals, getClientAddress }) => {
		const db = getDb();
		const { session, questionnaire } = sessionForCode(db, params.code, url);
		if (session.status !== 'open') return fail(409, { error: CLOSED_MESSAGE });
		const existing = currentResponse(db, cookies, session.id);
		if (existing) redirect(303, resumePath(db, session.joinCode, questionnaire, existing.id));
		if (!mayStart(getClientAddress(), session.id)) {
			return fail(429, {
				error:
					'Vanaf dit netwerk zijn al heel veel vragenlijsten begonnen in deze sessie. Vraag de begeleider om hulp.'
			});
		}
		// Many people press 'Beginnen' at once in a meeting: their starts share one commit.
		const { token, resumeCode } = await groupCommit(db).run(() => responses.start(db, session.id));
		setRespondentCookies(cookies, locals, session.joinCode, token, resumeCode);
		redirect(303, `/s/${session.joinCode}/1`);
	}
};
