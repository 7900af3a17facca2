import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { createHmac, randomBytes } from 'node:crypto';
import { meetsAnonymityRule, shownFigures, type ShownFigures } from '$lib/domain/anonymity';
import { MIN_RESPONDENTS_FLOOR } from '$lib/domain/scoring';
import { enoughVoters, tally, type TalliedOption } from '$lib/domain/topic-vote';
import type { Db } from '.';
import { writeTransaction } from './transaction';
import { commentReviews, comments, responses, sessionAggregates, sessions } from './schema';
import { rawTotals } from './vote-totals';
import * as votes from './votes';

/**
 * The one gate for a session's figures. Nothing else reads `session_aggregates`: every screen,
 * export and comparison gets figures from here, and here the anonymity rules hold:
 * - only closed sessions with at least the minimum number of questionnaires counted;
 * - only after the facilitator has released the results on purpose (`release`, a POST). Before
 *   that, a session could be reopened, and comparing two views would show the late answers;
 * - every single figure rests on at least the minimum number of scores (`shownFigures`);
 * - never a lowest, highest or middle score: each is one person's own value.
 */

export type SessionData =
	| {
			visible: false;
			/** questionnaires counted when the session closed; null while it is not closed */
			counted: number | null;
			partial: number;
			minRespondents: number;
			status: 'draft' | 'open' | 'closed';
			/** closed with enough responses, so the facilitator may release the results */
			releasable: boolean;
	  }
	| {
			visible: true;
			counted: number;
			partial: number;
			minRespondents: number;
			figures: ShownFigures;
			/** comments per dimension, in random order, without times or respondents */
			comments: Map<string, SessionComment[]>;
			hiddenComments: number;
	  };

export interface SessionComment {
	/** an opaque handle for hiding it; it does not reveal the order people answered in */
	handle: string;
	body: string;
}

/** The minimum count, checked in SQL so a caller can never forget it. */
const enoughCounted = sql`${sessionAggregates.submitted} >= max(${sessions.minRespondents}, ${MIN_RESPONDENTS_FLOOR})`;

/** Reads one closed session's stored figures and counts, whatever its state. Internal. */
function stored(db: Db, sessionId: number) {
	return db
		.select({
			status: sessions.status,
			minRespondents: sessions.minRespondents,
			released: sessions.resultsShownAt,
			counted: sessionAggregates.submitted,
			partial: sessionAggregates.partial
		})
		.from(sessions)
		.leftJoin(sessionAggregates, eq(sessionAggregates.sessionId, sessions.id))
		.where(eq(sessions.id, sessionId))
		.get();
}

/**
 * A session's figures as far as the rules allow. Reading never changes anything: results are
 * released by `release`, on an explicit act of the facilitator.
 */
export function forSession(
	db: Db,
	sessionId: number,
	options: { comments: boolean; random?: () => number } = { comments: true }
): SessionData {
	const row = stored(db, sessionId);
	if (!row) throw new Error(`Sessie ${sessionId} bestaat niet`);
	// Only a closed session's count: a live count tells when someone just answered, and this
	// reaches gemeente-viewers too. The facilitator's live view has its own counts.
	const counted = row.status === 'closed' ? row.counted : null;
	const base = { partial: row.partial ?? 0, minRespondents: row.minRespondents };
	const meetsRule = counted !== null && meetsAnonymityRule(row, counted);
	if (!meetsRule || row.released === null) {
		return { visible: false, status: row.status, releasable: meetsRule, counted, ...base };
	}
	const figures = forSessions(db, [sessionId], ['dimensions', 'items', 'taskProfile']).get(
		sessionId
	);
	if (!figures) throw new Error(`Sessie ${sessionId} heeft geen cijfers`);
	const read = options.comments ? commentsOf(db, sessionId, options.random ?? Math.random) : null;
	return {
		visible: true,
		counted,
		...base,
		figures: figures as ShownFigures,
		comments: read?.shown ?? new Map(),
		hiddenComments: read?.hidden ?? 0
	};
}

/** Which parts to read: comparisons need only the dimensions, exports need everything. */
export type FigurePart = keyof ShownFigures;

export type ReleasedFigures<P extends FigurePart> = Pick<ShownFigures, P> & {
	counted: number;
	minRespondents: number;
};

/**
 * Figures of many sessions in one query, only the parts asked for, and only of sessions that are
 * closed, released and counted enough questionnaires. Sessions that are not are simply absent.
 */
export function forSessions<P extends FigurePart>(
	db: Db,
	sessionIds: readonly number[],
	parts: readonly P[]
): Map<number, ReleasedFigures<P>> {
	const out = new Map<number, ReleasedFigures<P>>();
	// A dimension's figure is made from its statements' (anonymity.ts): without the statements
	// themselves, their stored scores suffice, at a tenth of the size to read and parse.
	const read = new Set<FigurePart | 'itemScores'>(parts);
	if (read.has('dimensions') && !read.has('items')) read.add('itemScores');
	const column = (part: FigurePart | 'itemScores') =>
		read.has(part) ? sessionAggregates[part] : sql<string>`''`;
	// Chunks stay below SQLite's limit on bound parameters.
	for (let start = 0; start < sessionIds.length; start += 500) {
		const rows = db
			.select({
				sessionId: sessionAggregates.sessionId,
				counted: sessionAggregates.submitted,
				minRespondents: sessions.minRespondents,
				dimensions: column('dimensions'),
				items: column('items'),
				taskProfile: column('taskProfile'),
				itemScores: column('itemScores')
			})
			.from(sessionAggregates)
			.innerJoin(sessions, eq(sessions.id, sessionAggregates.sessionId))
			.where(
				and(
					inArray(sessionAggregates.sessionId, sessionIds.slice(start, start + 500)),
					eq(sessions.status, 'closed'),
					isNotNull(sessions.resultsShownAt),
					enoughCounted
				)
			)
			.all();
		for (const row of rows) {
			const raw = Object.fromEntries(
				[...read].map((part) => [part, JSON.parse(row[part] ?? 'null')])
			);
			const shown = shownFigures(raw, row.minRespondents);
			out.set(row.sessionId, {
				...(Object.fromEntries(parts.map((part) => [part, shown[part]])) as Pick<ShownFigures, P>),
				counted: row.counted,
				minRespondents: row.minRespondents
			});
		}
	}
	return out;
}

/**
 * Releases a session's results: the explicit act (a POST) after which they are shown, and after
 * which the session can no longer be reopened. Returns false when the session may not be shown.
 */
export function release(db: Db, sessionId: number, now = new Date()): boolean {
	const row = stored(db, sessionId);
	if (!row || row.counted === null || !meetsAnonymityRule(row, row.counted)) return false;
	db.update(sessions)
		.set({ resultsShownAt: now })
		.where(and(eq(sessions.id, sessionId), isNull(sessions.resultsShownAt)))
		.run();
	return true;
}

/** Whether a session's results have been released. */
export function isReleased(db: Db, sessionId: number): boolean {
	return (
		db
			.select({ at: sessions.resultsShownAt })
			.from(sessions)
			.where(eq(sessions.id, sessionId))
			.get()?.at != null
	);
}

export type VoteOutcome =
	| { state: 'geen' }
	| ({ state: 'open' } & votes.TopicVote)
	| ({
			state: 'gesloten';
			minRespondents: number;
			/** the options with their votes, most first; null when too few people voted */
			tallied: TalliedOption[] | null;
	  } & votes.TopicVote);

/**
 * A session's topic vote as far as the rules allow: while it is open only how many voted; once
 * closed the totals, and only when at least the session's minimum number of people voted (a
 * count of 1 out of 2 voters would say what someone chose).
 */
export function voteOutcome(db: Db, sessionId: number): VoteOutcome {
	const vote = votes.get(db, sessionId);
	if (!vote) return { state: 'geen' };
	if (vote.closedAt === null) return { state: 'open', ...vote };
	const row = stored(db, sessionId);
	if (!row) throw new Error(`Sessie ${sessionId} bestaat niet`);
	const shown = row.released !== null && enoughVoters(vote.voters, row.minRespondents);
	return {
		state: 'gesloten',
		...vote,
		minRespondents: row.minRespondents,
		tallied: shown ? tally(vote.options, rawTotals(db, sessionId)) : null
	};
}

// A fresh key per process: handles only have to last while a facilitator looks at the page.
const handleKey = randomBytes(32);
const handleOf = (responseId: number, dimensionId: string) =>
	createHmac('sha256', handleKey).update(`${responseId}:${dimensionId}`).digest('base64url');

function commentRows(db: Db, sessionId: number) {
	return db
		.select({
			responseId: comments.responseId,
			dimensionId: comments.dimensionId,
			body: comments.body,
			hidden: comments.hidden
		})
		.from(comments)
		.innerJoin(responses, eq(responses.id, comments.responseId))
		.where(and(eq(responses.sessionId, sessionId), isNotNull(responses.submittedAt)))
		.all();
}

function commentsOf(db: Db, sessionId: number, random: () => number) {
	const rows = commentRows(db, sessionId);
	const shown = new Map<string, SessionComment[]>();
	// Shuffled: the order of comments must not follow the order people answered in.
	for (const row of shuffle(
		rows.filter((r) => !r.hidden),
		random
	)) {
		const list = shown.get(row.dimensionId) ?? [];
		list.push({ handle: handleOf(row.responseId, row.dimensionId), body: row.body });
		shown.set(row.dimensionId, list);
	}
	return { shown, hidden: rows.length - rows.filter((r) => !r.hidden).length };
}

/** Hides one comment of a released session; false when the handle matches none. */
export function hideComment(db: Db, sessionId: number, handle: string): boolean {
	const target = commentRows(db, sessionId).find(
		(r) => handleOf(r.responseId, r.dimensionId) === handle
	);
	if (!target || !isReleased(db, sessionId)) return false;
	db.update(comments)
		.set({ hidden: true })
		.where(
			and(eq(comments.responseId, target.responseId), eq(comments.dimensionId, target.dimensionId))
		)
		.run();
	return true;
}

/**
 * Shows every hidden comment of a session again. The beamer's reviews are cleared with it: the
 * facilitator let a dimension's comments through without these, so reads them again first.
 */
export function showHiddenComments(db: Db, sessionId: number): void {
	writeTransaction(db, (tx) => {
		tx.delete(commentReviews).where(eq(commentReviews.sessionId, sessionId)).run();
		unhide(tx, sessionId);
	});
}

function unhide(db: Db, sessionId: number): void {
	db.update(comments)
		.set({ hidden: false })
		.where(
			inArray(
				comments.responseId,
				db.select({ id: responses.id }).from(responses).where(eq(responses.sessionId, sessionId))
			)
		)
		.run();
}

/**
 * Marks a dimension's comments as read by the facilitator, so the beamer may show them, or takes
 * that back. Only for released sessions; false when the session's results are not shown.
 */
export function setCommentsReviewed(
	db: Db,
	sessionId: number,
	dimensionId: string,
	reviewed: boolean,
	now = new Date()
): boolean {
	if (!isReleased(db, sessionId)) return false;
	if (reviewed) {
		db.insert(commentReviews)
			.values({ sessionId, dimensionId, reviewedAt: now })
			.onConflictDoNothing()
			.run();
	} else {
		db.delete(commentReviews)
			.where(
				and(eq(commentReviews.sessionId, sessionId), eq(commentReviews.dimensionId, dimensionId))
			)
			.run();
	}
	return true;
}

/** The dimensions whose comments the facilitator has let through to the beamer. */
export function reviewedDimensions(db: Db, sessionId: number): Set<string> {
	return new Set(
		db
			.select({ dimensionId: commentReviews.dimensionId })
			.from(commentReviews)
			.where(eq(commentReviews.sessionId, sessionId))
			.all()
			.map((r) => r.dimensionId)
	);
}

/**
 * The comments the beamer may show: of a released session, only of dimensions the facilitator has
 * marked as read, never a hidden one. Empty while not released. In alphabetical order: like the
 * shuffle elsewhere it says nothing of the order people answered in, and it stays the same when
 * the beamer reloads, so comments do not jump around in front of the team.
 */
export function beamerComments(
	db: Db,
	sessionId: number,
	random: () => number = Math.random
): Map<string, string[]> {
	const data = forSession(db, sessionId, { comments: true, random });
	if (!data.visible) return new Map();
	const reviewed = reviewedDimensions(db, sessionId);
	return new Map(
		[...data.comments]
			.filter(([dimensionId]) => reviewed.has(dimensionId))
			.map(([dimensionId, list]) => [
				dimensionId,
				list.map((c) => c.body).sort((a, b) => a.localeCompare(b, 'nl'))
			])
	);
}

/** Fisher-Yates; the order of rows would otherwise follow the order people answered in. */
function shuffle<T>(items: T[], random: () => number): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}
