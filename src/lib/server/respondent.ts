import { error, redirect, type Cookies } from '@sveltejs/kit';
import { looksLikeJoinCode, normalizeCode } from '$lib/domain/codes';
import { unansweredItems } from '$lib/domain/answers';
import type { Questionnaire } from '$lib/domain/questionnaire';
import type { Db } from './db';
import * as questionnaireVersions from './db/questionnaire-versions';
import * as responses from './db/responses';
import * as sessions from './db/sessions';

const TOKEN_COOKIE = 'wijkspiegel_deelnemer';
const RESUME_COOKIE = 'wijkspiegel_hervatcode';
export const COOKIE_DAYS = 60;

/** Cookies live under /s/{CODE} only: two sessions on one device never see each other's. */
function cookieOptions(joinCode: string) {
	return {
		path: `/s/${joinCode}`,
		httpOnly: true,
		sameSite: 'lax' as const,
		maxAge: COOKIE_DAYS * 24 * 60 * 60
	};
}

export function setRespondentCookies(
	cookies: Cookies,
	joinCode: string,
	token: string,
	resumeCode?: string
): void {
	cookies.set(TOKEN_COOKIE, token, cookieOptions(joinCode));
	if (resumeCode) cookies.set(RESUME_COOKIE, resumeCode, cookieOptions(joinCode));
}

export function resumeCodeFromCookie(cookies: Cookies): string | undefined {
	return cookies.get(RESUME_COOKIE);
}

export interface RespondentSession {
	session: sessions.SessionSummary;
	questionnaire: Questionnaire;
}

/** The session of a /s/{code} URL; a code in another spelling redirects to the canonical one. */
export function sessionForCode(db: Db, rawCode: string, url: URL): RespondentSession {
	const code = normalizeCode(rawCode);
	if (code !== rawCode && looksLikeJoinCode(code)) {
		redirect(307, url.pathname.replace(`/s/${rawCode}`, `/s/${code}`) + url.search);
	}
	const session = looksLikeJoinCode(code) ? sessions.findByJoinCode(db, code) : undefined;
	if (!session || session.status === 'draft') {
		error(404, 'Deze code kennen we niet. Controleer de code of vraag de begeleider om hulp.');
	}
	const questionnaire = questionnaireVersions.definition(db, session.questionnaireVersionId)!;
	return { session, questionnaire };
}

/** The response this browser started in this session, if its cookie is valid. */
export function currentResponse(db: Db, cookies: Cookies, sessionId: number) {
	const token = cookies.get(TOKEN_COOKIE);
	if (!token) return undefined;
	const response = responses.findByToken(db, token);
	return response && response.sessionId === sessionId ? response : undefined;
}

/** Where a returning respondent continues: the first page with an unanswered statement. */
export function resumePath(
	db: Db,
	joinCode: string,
	questionnaire: Questionnaire,
	responseId: number
): string {
	const open = unansweredItems(questionnaire, responses.answersOf(db, responseId));
	return open.length > 0 ? `/s/${joinCode}/${open[0].step}` : `/s/${joinCode}/controleren`;
}

export const CLOSED_MESSAGE =
	'Deze sessie is gesloten. Invullen of antwoorden wijzigen kan niet meer. Antwoorden die u eerder gaf, tellen mee.';
