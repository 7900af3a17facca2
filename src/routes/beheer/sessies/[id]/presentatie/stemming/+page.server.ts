import { getDb } from '$lib/server/app';
import * as results from '$lib/server/db/results';
import * as responses from '$lib/server/db/responses';
import { joinLink } from '$lib/server/origin';
import { managedSession } from '$lib/server/session-access';
import type { PageServerLoad } from './$types';

/** The beamer's vote screen: the number of voters while open, the totals (gated) once closed. */
export const load: PageServerLoad = ({ locals, url, params }) => {
	const db = getDb();
	const { session } = managedSession(db, locals, url, params.id);
	const { joinOrigin } = joinLink(locals, session.joinCode);
	const vote = results.voteOutcome(db, session.id);
	return {
		session: {
			id: session.id,
			joinCode: session.joinCode,
			teamName: session.teamName,
			meetrondeName: session.meetrondeName
		},
		counted: responses.countsForSession(db, session.id, 0).submitted,
		voteAddress: `${joinOrigin.replace(/^https?:\/\//, '')}/s/${session.joinCode}/stemmen`,
		// The options are not needed here: the totals carry their labels.
		vote:
			vote.state === 'geen'
				? vote
				: vote.state === 'open'
					? { state: vote.state, voters: vote.voters, votesEach: vote.votesEach }
					: {
							state: vote.state,
							voters: vote.voters,
							minRespondents: vote.minRespondents,
							tallied: vote.tallied
						}
	};
};
