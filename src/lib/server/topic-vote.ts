import { voteOptions, type VoteSubject } from '$lib/domain/topic-vote';
import type { Db } from './db';
import * as results from './db/results';
import * as votes from './db/votes';

/**
 * Opens a session's topic vote once its results are shown. The statements offered come from the
 * figures as shown (through the gate), so no statement is offered that the team could not see.
 */
export function openVote(
	db: Db,
	sessionId: number,
	subject: VoteSubject,
	votesEach: number
): 'geopend' | 'niet-getoond' | 'bestaat-al' {
	const shown = results.forSession(db, sessionId, { comments: false });
	if (!shown.visible) return 'niet-getoond';
	const options = voteOptions(subject, shown.figures.dimensions, shown.figures.items);
	return votes.open(db, sessionId, { subject, options, votesEach }) ? 'geopend' : 'bestaat-al';
}
