import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { JOIN_CODE_LENGTH } from '$lib/domain/codes';
import { secureRandomCode } from '../tokens';
import * as aggregates from './aggregates';
import { prepared } from './prepared';
import { hasAnswer } from './responses';
import type { Db } from '.';
import { writeTransaction } from './transaction';
import {
	meetrondes,
	questionnaireVersions,
	responses,
	sessions,
	teams,
	type SessionStatus
} from './schema';

export interface NewSession {
	teamId: number;
	meetrondeId: number;
	questionnaireVersionId: number;
	minRespondents?: number;
	status?: SessionStatus;
	joinCode?: string;
	openedAt?: Date | null;
	closedAt?: Date | null;
	resultsShownAt?: Date | null;
}

/** Creates a session with a fresh join code (or the given one), retrying on the rare clash. */
export function create(db: Db, session: NewSession): { id: number; joinCode: string } {
	for (let attempt = 0; ; attempt++) {
		const joinCode = session.joinCode ?? secureRandomCode(JOIN_CODE_LENGTH);
		const row = db
			.insert(sessions)
			.values({ ...session, joinCode })
			.onConflictDoNothing({ target: sessions.joinCode })
			.returning({ id: sessions.id })
			.get();
		if (row) return { id: row.id, joinCode };
		if (session.joinCode || attempt > 20) throw new Error(`Toegangscode ${joinCode} bestaat al`);
	}
}

/**
 * What screens show of a session. Without the join code: gemeente-viewers see these rows, and with
 * a code anyone can add questionnaires to a session (padding it to learn one person's answers).
 */
const summaryColumns = {
	id: sessions.id,
	teamId: sessions.teamId,
	meetrondeId: sessions.meetrondeId,
	gemeenteId: teams.gemeenteId,
	questionnaireId: questionnaireVersions.questionnaireId,
	questionnaireVersion: questionnaireVersions.version,
	openedAt: sessions.openedAt,
	closedAt: sessions.closedAt,
	resultsShownAt: sessions.resultsShownAt,
	createdAt: sessions.createdAt,
	status: sessions.status,
	minRespondents: sessions.minRespondents,
	questionnaireVersionId: sessions.questionnaireVersionId,
	questionnaireTitle: questionnaireVersions.title,
	teamName: teams.name,
	meetrondeName: meetrondes.name
};

/** The session behind a join code, with what a respondent needs to know about it. */
export function findByJoinCode(db: Db, joinCode: string) {
	return prepared(db, 'sessions.findByJoinCode', () =>
		db
			.select({ ...summaryColumns, joinCode: sessions.joinCode })
			.from(sessions)
			.innerJoin(teams, eq(teams.id, sessions.teamId))
			.innerJoin(meetrondes, eq(meetrondes.id, sessions.meetrondeId))
			.innerJoin(
				questionnaireVersions,
				eq(questionnaireVersions.id, sessions.questionnaireVersionId)
			)
			.where(eq(sessions.joinCode, sql.placeholder('joinCode')))
			.prepare()
	).get({ joinCode });
}

export function get(db: Db, id: number) {
	return db
		.select(summaryColumns)
		.from(sessions)
		.innerJoin(teams, eq(teams.id, sessions.teamId))
		.innerJoin(meetrondes, eq(meetrondes.id, sessions.meetrondeId))
		.innerJoin(questionnaireVersions, eq(questionnaireVersions.id, sessions.questionnaireVersionId))
		.where(eq(sessions.id, id))
		.get();
}

/** A session with its join code: only for those who run it, and for respondents who typed it. */
export function getWithJoinCode(db: Db, id: number) {
	const session = get(db, id);
	if (!session) return undefined;
	const { joinCode } = db
		.select({ joinCode: sessions.joinCode })
		.from(sessions)
		.where(eq(sessions.id, id))
		.get()!;
	return { ...session, joinCode };
}

export type SessionSummary = NonNullable<ReturnType<typeof getWithJoinCode>>;

const started = sql<number>`(SELECT count(*) FROM ${responses} WHERE ${responses.sessionId} = ${sessions.id})`;
const submitted = sql<number>`(SELECT count(*) FROM ${responses} WHERE ${responses.sessionId} = ${sessions.id} AND ${responses.submittedAt} IS NOT NULL)`;

/**
 * A team's sessions, newest first, with response counts. Viewers (gemeente accounts) get counts
 * only of closed sessions: a live count tells when someone just answered.
 */
export function listForTeam(db: Db, teamId: number, audience: 'manager' | 'viewer') {
	const rows = db
		.select({ ...summaryColumns, started, submitted })
		.from(sessions)
		.innerJoin(teams, eq(teams.id, sessions.teamId))
		.innerJoin(meetrondes, eq(meetrondes.id, sessions.meetrondeId))
		.innerJoin(questionnaireVersions, eq(questionnaireVersions.id, sessions.questionnaireVersionId))
		.where(eq(sessions.teamId, teamId))
		.orderBy(desc(meetrondes.startsOn), desc(sessions.id))
		.all();
	if (audience === 'manager') return rows;
	return rows.map((row) =>
		row.status === 'closed' ? row : { ...row, started: null, submitted: null }
	);
}

/** Opens a draft session for respondents. */
export function open(db: Db, id: number, now = new Date()): void {
	db.update(sessions)
		.set({ status: 'open', openedAt: now })
		.where(and(eq(sessions.id, id), eq(sessions.status, 'draft')))
		.run();
}

/**
 * Closes a session. Responses with answers that were never sent count as given: the answers
 * were acknowledged when saved. Responses without a single answer are left out.
 */
export function close(db: Db, id: number, now = new Date()): void {
	writeTransaction(db, (tx) => {
		const counted = tx
			.update(responses)
			.set({ submittedAt: now })
			.where(and(eq(responses.sessionId, id), isNull(responses.submittedAt), hasAnswer))
			.run();
		tx.update(sessions).set({ status: 'closed', closedAt: now }).where(eq(sessions.id, id)).run();
		aggregates.store(tx, id, now, counted.changes);
	});
}

/**
 * Reopening is refused once results were shown: comparing the two views would expose the answers
 * that came in late. Returns whether the session was reopened.
 */
export function reopen(db: Db, id: number): boolean {
	return writeTransaction(db, (tx) => {
		const result = tx
			.update(sessions)
			.set({ status: 'open', closedAt: null })
			.where(
				and(eq(sessions.id, id), eq(sessions.status, 'closed'), isNull(sessions.resultsShownAt))
			)
			.run();
		if (result.changes !== 1) return false;
		// Answers may change again; figures come back when it closes.
		aggregates.remove(tx, id);
		return true;
	});
}

export function setMinRespondents(db: Db, id: number, minRespondents: number): void {
	db.update(sessions).set({ minRespondents }).where(eq(sessions.id, id)).run();
}

export function remove(db: Db, id: number): void {
	db.delete(sessions).where(eq(sessions.id, id)).run();
}

/** The team's most recent earlier session of the same questionnaire: its verbeteracties come back. */
export function previousOfTeam(
	db: Db,
	session: { id: number; teamId: number; questionnaireId: string }
) {
	return db
		.select({
			id: sessions.id,
			teamId: sessions.teamId,
			meetrondeId: sessions.meetrondeId,
			meetrondeName: meetrondes.name
		})
		.from(sessions)
		.innerJoin(meetrondes, eq(meetrondes.id, sessions.meetrondeId))
		.innerJoin(questionnaireVersions, eq(questionnaireVersions.id, sessions.questionnaireVersionId))
		.where(
			and(
				eq(sessions.teamId, session.teamId),
				eq(questionnaireVersions.questionnaireId, session.questionnaireId),
				// Row values: earlier round, or the same round but created before this one.
				sql`(${meetrondes.startsOn}, ${sessions.id}) < (SELECT m.starts_on, s.id FROM meetrondes m JOIN sessions s ON s.meetronde_id = m.id WHERE s.id = ${session.id})`
			)
		)
		.orderBy(desc(meetrondes.startsOn), desc(sessions.id))
		.get();
}

/** Closed sessions of one questionnaire for the teams of a gemeente or a leerbeweging. */
export function listClosedInScope(
	db: Db,
	scope: { gemeenteId: number } | { leerbewegingId: number },
	questionnaireId: string
) {
	const inScope =
		'gemeenteId' in scope
			? eq(teams.gemeenteId, scope.gemeenteId)
			: // A leerbeweging compares its own rounds only: a gemeente's own rounds stay the gemeente's.
				and(
					eq(meetrondes.leerbewegingId, scope.leerbewegingId),
					sql`${sessions.teamId} IN (SELECT team_id FROM leerbeweging_teams WHERE leerbeweging_id = ${scope.leerbewegingId})`
				);
	return db
		.select({
			...summaryColumns,
			startsOn: meetrondes.startsOn,
			submitted,
			teamTasks: teams.tasks
		})
		.from(sessions)
		.innerJoin(teams, eq(teams.id, sessions.teamId))
		.innerJoin(meetrondes, eq(meetrondes.id, sessions.meetrondeId))
		.innerJoin(questionnaireVersions, eq(questionnaireVersions.id, sessions.questionnaireVersionId))
		.where(
			and(
				eq(sessions.status, 'closed'),
				eq(questionnaireVersions.questionnaireId, questionnaireId),
				inScope
			)
		)
		.orderBy(asc(meetrondes.startsOn), asc(teams.name))
		.all();
}
