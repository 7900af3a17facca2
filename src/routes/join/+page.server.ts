import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { looksLikeJoinCode, looksLikeResumeCode, normalizeCode } from '$lib/domain/codes';
import { getDb } from '$lib/server/app';
import * as responses from '$lib/server/db/responses';
import * as sessions from '$lib/server/db/sessions';
import { wrongCodeLimiter } from '$lib/server/limits';
import {
	CLOSED_MESSAGE,
	resumePath,
	setRespondentCookies,
	tooManyCodesMessage
} from '$lib/server/respondent';
import * as questionnaireVersions from '$lib/server/db/questionnaire-versions';
import type { Actions, PageServerLoad } from './$types';

// No JavaScript on this page: its form posts and redirects on its own, so the page loads without
// the framework's client (issue 15: respondent pages stay under 32 KB of JavaScript).
export const csr = false;

const JoinSchema = z.strictObject({
	code: z.string().trim().min(1, 'Vul de code in.').max(40, 'Deze code is te lang.')
});

export const load: PageServerLoad = ({ url }) => ({ code: url.searchParams.get('code') ?? '' });

export const actions: Actions = {
	default: async ({ request, cookies, locals, getClientAddress }) => {
		const form = Object.fromEntries(await request.formData());
		const parsed = JoinSchema.safeParse(form);
		const values = { code: typeof form.code === 'string' ? form.code.slice(0, 40) : '' };
		if (!parsed.success) {
			return fail(400, { values, error: parsed.error.issues[0].message });
		}
		const client = getClientAddress();
		const wait = wrongCodeLimiter.retryAfter(client);
		if (wait > 0) return fail(429, { values, error: tooManyCodesMessage(wait) });
		const db = getDb();
		const code = normalizeCode(parsed.data.code);

		if (looksLikeResumeCode(code)) {
			const response = responses.findByResumeCode(db, code);
			const session = response && sessions.getWithJoinCode(db, response.sessionId);
			if (response && session) {
				if (session.status !== 'open') return fail(400, { values, error: CLOSED_MESSAGE });
				setRespondentCookies(
					cookies,
					locals,
					session.joinCode,
					responses.rotateToken(db, response.id),
					code
				);
				const questionnaire = questionnaireVersions.definition(db, session.questionnaireVersionId)!;
				redirect(
					303,
					response.submittedAt
						? `/s/${session.joinCode}/klaar`
						: resumePath(db, session.joinCode, questionnaire, response.id)
				);
			}
		} else if (looksLikeJoinCode(code)) {
			const session = sessions.findByJoinCode(db, code);
			if (session?.status === 'open') redirect(303, `/s/${code}`);
			if (session?.status === 'closed') return fail(400, { values, error: CLOSED_MESSAGE });
			if (session?.status === 'draft') {
				return fail(400, {
					values,
					error:
						'Deze sessie is nog niet geopend. Wacht tot de begeleider de sessie opent en probeer het dan opnieuw.'
				});
			}
		}
		wrongCodeLimiter.fail(client, code);
		return fail(400, {
			values,
			error:
				'Deze code kennen we niet. Een sessiecode heeft 6 tekens, een persoonlijke code 8. Controleer de code of vraag de begeleider om hulp.'
		});
	}
};
