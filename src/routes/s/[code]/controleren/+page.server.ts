import { fail, redirect } from '@sveltejs/kit';
import { unansweredItems } from '$lib/domain/answers';
import { ASSIGNMENT_LABELS } from '$lib/domain/task-assignment';
import { reviewAnswers } from '$lib/domain/review';
import { getDb } from '$lib/server/app';
import { groupCommit } from '$lib/server/db/group-commit';
import * as responses from '$lib/server/db/responses';
import { CLOSED_MESSAGE, currentResponse, sessionForCode } from '$lib/server/respondent';
import type { Actions, PageServerLoad } from './$types';

// No JavaScript on this page: its form posts and redirects on its own, so the page loads without
// the framework's client (issue 15: respondent pages stay under 32 KB of JavaScript).
export const csr = false;

export const load: PageServerLoad = ({ params, url, cookies }) => {
	const db = getDb();
	const { session, questionnaire } = sessionForCode(db, params.code, url);
	const response = currentResponse(db, cookies, session.id);
	if (!response) redirect(303, `/s/${session.joinCode}`);
	if (response.submittedAt) redirect(303, `/s/${session.joinCode}/klaar`);
	const answers = responses.answersOf(db, response.id);
	const open = unansweredItems(questionnaire, answers);
	return {
		unanswered: open.map((o) => ({
			step: o.step,
			itemId: o.itemId,
			statement: o.statement,
			dimensionTitle: o.dimension.title
		})),
		review: reviewAnswers(questionnaire, answers, responses.commentsOf(db, response.id)),
		// Takenprofiel v2: the "hoort dit bij de opdracht?" answers, shown beside each task.
		assignment: questionnaire.assignment
			? Object.fromEntries(
					responses
						.assignmentOf(db, response.id)
						.map((a) => [a.itemId, ASSIGNMENT_LABELS[a.answer]])
				)
			: null
	};
};

export const actions: Actions = {
	default: async ({ params, url, cookies }) => {
		const db = getDb();
		const { session } = sessionForCode(db, params.code, url);
		const response = currentResponse(db, cookies, session.id);
		if (!response) redirect(303, `/s/${session.joinCode}`);
		// A second submit (double click, back button) finds it already done: harmless.
		if (!response.submittedAt) {
			if (session.status !== 'open') return fail(409, { error: CLOSED_MESSAGE });
			await groupCommit(db).run(() => responses.submit(db, response.id));
		}
		redirect(303, `/s/${session.joinCode}/klaar`);
	}
};
