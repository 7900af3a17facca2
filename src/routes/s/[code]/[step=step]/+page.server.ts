import { error, fail, redirect } from '@sveltejs/kit';
import { formatResumeCode } from '$lib/domain/codes';
import { parsePage } from '$lib/domain/answers';
import { getDb } from '$lib/server/app';
import { groupCommit } from '$lib/server/db/group-commit';
import * as responses from '$lib/server/db/responses';
import * as sessions from '$lib/server/db/sessions';
import {
	CLOSED_MESSAGE,
	currentResponse,
	resumeCodeFromCookie,
	sessionForCode
} from '$lib/server/respondent';
import type { Actions, PageServerLoad } from './$types';

const noErrors: Record<string, string> = {};
const NOT_LINKED =
	'We kunnen je antwoorden niet aan je vragenlijst koppelen. Begin op de startpagina van de sessie, of vul je persoonlijke code in als je al begonnen was.';

function pageOf(params: { code: string; step: string }, url: URL) {
	const db = getDb();
	const { session, questionnaire } = sessionForCode(db, params.code, url);
	const step = Number(params.step);
	const dimension = questionnaire.dimensions[step - 1];
	if (!dimension) error(404, 'Deze pagina van de vragenlijst bestaat niet.');
	return { db, session, questionnaire, step, dimension };
}

export const load: PageServerLoad = ({ params, url, cookies }) => {
	const { db, session, step, dimension } = pageOf(params, url);
	const response = currentResponse(db, cookies, session.id);
	// No redirect here: after a refused post the page must still show why (status 400).
	if (!response) return { step, linked: false as const };
	if (response.submittedAt) redirect(303, `/s/${session.joinCode}/klaar`);
	const itemIds = new Set(dimension.items.map((i) => i.id));
	const resumeCode = resumeCodeFromCookie(cookies);
	return {
		step,
		linked: true as const,
		answers: responses.answersOf(db, response.id).filter((a) => itemIds.has(a.itemId)),
		comment:
			responses.commentsOf(db, response.id).find((c) => c.dimensionId === dimension.id)?.body ?? '',
		desired:
			responses.desiredOf(db, response.id).find((d) => d.dimensionId === dimension.id) ?? null,
		assignment: responses.assignmentOf(db, response.id).filter((a) => itemIds.has(a.itemId)),
		resumeCode: resumeCode ? formatResumeCode(resumeCode) : undefined
	};
};

export const actions: Actions = {
	default: async ({ params, url, cookies, request }) => {
		const { db, session, questionnaire, step, dimension } = pageOf(params, url);
		const form = await request.formData();
		if (session.status !== 'open') return fail(409, { message: CLOSED_MESSAGE, errors: noErrors });
		const response = currentResponse(db, cookies, session.id);
		if (!response) {
			return fail(400, {
				message: NOT_LINKED,
				errors: noErrors
			});
		}
		if (response.submittedAt) {
			return fail(409, {
				message: 'Je hebt je antwoorden al verstuurd. Bedankt!',
				errors: noErrors
			});
		}
		const parsed = parsePage(questionnaire, dimension, form);
		if (!parsed.ok) return fail(400, { message: parsed.message, errors: parsed.errors });

		// Acknowledged only after the shared commit is on disk (see group-commit.ts).
		const stillOpen = await groupCommit(db).run(() => {
			// Checked again inside the transaction: the session may have closed in between.
			if (sessions.findByJoinCode(db, session.joinCode)?.status !== 'open') return false;
			const { answers, comment, desired, assignment } = parsed.input;
			responses.saveAnswers(
				db,
				response.id,
				answers,
				[{ dimensionId: dimension.id, body: comment }],
				desired ? [{ dimensionId: dimension.id, ...desired }] : [],
				assignment
			);
			return true;
		});
		if (!stillOpen) return fail(409, { message: CLOSED_MESSAGE, errors: noErrors });

		const to = form.get('naar');
		const last = questionnaire.dimensions.length;
		if (to === 'vorige')
			redirect(303, step > 1 ? `/s/${session.joinCode}/${step - 1}` : `/s/${session.joinCode}/1`);
		if (to === 'volgende')
			redirect(
				303,
				step < last ? `/s/${session.joinCode}/${step + 1}` : `/s/${session.joinCode}/controleren`
			);
		if (to === 'controleren') redirect(303, `/s/${session.joinCode}/controleren`);
		if (to === 'later') redirect(303, `/s/${session.joinCode}/later`);
		return { saved: true };
	}
};
