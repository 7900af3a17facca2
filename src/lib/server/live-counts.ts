import { quickFillThresholdMs } from '$lib/domain/anonymity';
import type { Db } from './db';
import { joinLink } from './origin';
import { managedSession } from './session-access';
import * as questionnaireVersions from './db/questionnaire-versions';
import * as responses from './db/responses';

/** The counts of the live view, with how many were sent suspiciously fast for this questionnaire. */
export function liveCounts(db: Db, session: { id: number; questionnaireVersionId: number }) {
	const questionnaire = questionnaireVersions.definition(db, session.questionnaireVersionId);
	const statements = questionnaire?.dimensions.reduce((n, d) => n + d.items.length, 0) ?? 0;
	return responses.countsForSession(db, session.id, quickFillThresholdMs(statements));
}

/** What the session page and the beamer's join screen load: the session, its counts, its link. */
export function liveSessionView(db: Db, locals: App.Locals, url: URL, rawId: string) {
	const { session } = managedSession(db, locals, url, rawId);
	return { session, counts: liveCounts(db, session), ...joinLink(locals, session.joinCode) };
}
