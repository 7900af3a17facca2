import { error, redirect, type Cookies } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { looksLikeJoinCode, normalizeCode } from '$lib/domain/codes';
import { unansweredItems } from '$lib/domain/answers';
import type { Questionnaire } from '$lib/domain/questionnaire';
import { cookieOptions } from './cookies';
import type { Db } from './db';
import * as questionnaireVersions from './db/questionnaire-versions';
import * as responses from './db/responses';
import * as sessions from './db/sessions';
import { startLimiter, wrongCodeLimiter } from './limits';

const TOKEN_COOKIE = 'wijkspiegel_deelnemer';
const RESUME_COOKIE = 'wijkspiegel_hervatcode';
// A day covers the meeting and finishing later that day; after that the personal resume code
// brings a respondent back. Longer would let the next user of a shared device see unsent answers
// and the resume code (issue 10, W7).
export const RESPONDENT_COOKIE_HOURS = 24;

/** Cookies live under /s/{CODE} only: two sessions on one device never see each other's. */
export function setRespondentCookies(
	cookies: Cookies,
	locals: App.Locals,
	joinCode: string,
	token: string,
	resumeCode?: string
): void {
	const options = cookieOptions(locals, `/s/${joinCode}`, RESPONDENT_COOKIE_HOURS * 60 * 60);
	cookies.set(TOKEN_COOKIE, token, options);
	if (resumeCode) cookies.set(RESUME_COOKIE, resumeCode, options);
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
	// Addresses under /s/ are code lookups too: limited like /join, or codes could be tried here.
	const client = getRequestEvent().getClientAddress();
	refuseWhenLimited(client);
	const session = looksLikeJoinCode(code) ? sessions.findByJoinCode(db, code) : undefined;
	if (!session || session.status === 'draft') {
		wrongCodeLimiter.fail(client, code);
		error(404, 'Deze code kennen we niet. Controleer de code of vraag de begeleider om hulp.');
	}
	const questionnaire = questionnaireVersions.definition(db, session.questionnaireVersionId)!;
	return { session, questionnaire };
}

/** A 429 page when this client typed too many different wrong codes lately. */
export function refuseWhenLimited(client: string): void {
	const wait = wrongCodeLimiter.retryAfter(client);
	if (wait > 0) error(429, tooManyCodesMessage(wait));
}

export function tooManyCodesMessage(waitMs: number): string {
	const minutes = Math.ceil(waitMs / 60_000);
	return `Er is te vaak een verkeerde code ingevuld. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`;
}

/**
 * Whether this client may start another questionnaire in this session. One browser has one
 * questionnaire per session (its cookie); one address may start a room's worth, no more.
 */
export function mayStart(client: string, sessionId: number): boolean {
	const key = `${client} ${sessionId}`;
	if (startLimiter.retryAfter(key) > 0) return false;
	startLimiter.fail(key);
	return true;
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
	'Deze sessie is gesloten. Invullen of antwoorden wijzigen kan niet meer. Antwoorden die je eerder gaf, tellen mee.';
