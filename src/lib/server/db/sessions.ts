import { eq } from 'drizzle-orm';
import { JOIN_CODE_LENGTH } from '$lib/domain/codes';
import { secureRandomCode } from '../tokens';
import type { Db } from '.';
import { meetrondes, questionnaireVersions, sessions, teams, type SessionStatus } from './schema';

export interface NewSession {
	teamId: number;
	meetrondeId: number;
	questionnaireVersionId: number;
	minRespondents?: number;
	status?: SessionStatus;
	joinCode?: string;
	openedAt?: Date | null;
	closedAt?: Date | null;
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

const summaryColumns = {
	id: sessions.id,
	joinCode: sessions.joinCode,
	status: sessions.status,
	minRespondents: sessions.minRespondents,
	questionnaireVersionId: sessions.questionnaireVersionId,
	questionnaireTitle: questionnaireVersions.title,
	teamName: teams.name,
	meetrondeName: meetrondes.name
};

/** The session behind a join code, with what a respondent needs to know about it. */
export function findByJoinCode(db: Db, joinCode: string) {
	return db
		.select(summaryColumns)
		.from(sessions)
		.innerJoin(teams, eq(teams.id, sessions.teamId))
		.innerJoin(meetrondes, eq(meetrondes.id, sessions.meetrondeId))
		.innerJoin(questionnaireVersions, eq(questionnaireVersions.id, sessions.questionnaireVersionId))
		.where(eq(sessions.joinCode, joinCode))
		.get();
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

export type SessionSummary = NonNullable<ReturnType<typeof get>>;

export function setStatus(db: Db, id: number, status: SessionStatus): void {
	const now = new Date();
	db.update(sessions)
		.set(
			status === 'open'
				? { status, openedAt: now }
				: status === 'closed'
					? { status, closedAt: now }
					: { status }
		)
		.where(eq(sessions.id, id))
		.run();
}
