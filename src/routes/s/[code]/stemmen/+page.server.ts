import { fail, redirect, type Cookies } from '@sveltejs/kit';
import { parseForm } from '$lib/domain/forms';
import { ballotSchema } from '$lib/domain/topic-vote';
import { getDb } from '$lib/server/app';
import type { Db } from '$lib/server/db';
import * as votes from '$lib/server/db/votes';
import { currentResponse, sessionForCode } from '$lib/server/respondent';
import type { Actions, PageServerLoad } from './$types';

// No JavaScript on this page: a plain form that posts and redirects, so it loads without the
// framework's client, like the other script-free /s/ pages (issue 15's budget).
export const csr = false;

/**
 * Voting on what to talk about, from the same link and cookie as the questionnaire. Only those
 * whose questionnaire counted may vote: a started but empty questionnaire costs nothing, so
 * anyone could open the link in a few more browsers for extra votes; the counted ones are the
 * ones the facilitator checked against the people in the room. It also keeps the voters a part
 * of the people behind the figures.
 */
function ballot(db: Db, code: string, url: URL, cookies: Cookies) {
	const { session } = sessionForCode(db, code, url);
	const response = currentResponse(db, cookies, session.id);
	const vote = votes.get(db, session.id);
	const voter =
		response === undefined ? 'onbekend' : response.submittedAt === null ? 'telde-niet' : 'mag';
	return { session, response, vote, voter } as const;
}

export const load: PageServerLoad = ({ params, url, cookies }) => {
	const { vote, voter, session, response } = ballot(getDb(), params.code, url, cookies);
	const state = !vote ? 'geen' : vote.closedAt ? 'gesloten' : 'open';
	return {
		state,
		voter,
		voted: response !== undefined && votes.hasVoted(getDb(), session.id, response.id),
		// Only what the phone needs to vote: never totals or the number of voters.
		options: state === 'open' ? vote!.options : [],
		votesEach: vote?.votesEach ?? 0
	};
};

export const actions: Actions = {
	default: async ({ params, url, cookies, request }) => {
		const db = getDb();
		const { session, response, vote, voter } = ballot(db, params.code, url, cookies);
		if (!vote || vote.closedAt) {
			return fail(409, { errors: { keuze: 'De stemming is gesloten. Stemmen kan niet meer.' } });
		}
		if (voter !== 'mag' || !response) {
			return fail(403, { errors: { keuze: 'Met dit apparaat kun je niet stemmen.' } });
		}
		const parsed = parseForm(ballotSchema(vote.options, vote.votesEach), await request.formData(), [
			'keuze'
		]);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const result = votes.cast(db, session.id, response.id, parsed.data.keuze);
		if (result === 'gesloten') {
			return fail(409, { errors: { keuze: 'De stemming is gesloten. Stemmen kan niet meer.' } });
		}
		redirect(303, `/s/${session.joinCode}/stemmen`);
	}
};
