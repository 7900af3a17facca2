import { createHash, randomBytes } from 'node:crypto';
import { test } from '@playwright/test';
import { CODE_ALPHABET } from '../../src/lib/domain/codes';
import { writeDatabase } from './support';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Items of basisfuncties version 1 that each respondent scores: enough for figures to show. */
const ITEMS = ['vl-1', 'vl-2', 'ts-1', 'ts-2', 'vt-1', 'bb-1', 'lv-1'];

/**
 * The join code for this attempt at the running test: a retry seeds afresh beside what the failed
 * attempt left behind, so it does not fail on "bestaat al".
 */
export function forThisAttempt(joinCode: string): string {
	const retry = test.info().retry;
	return retry === 0 ? joinCode : joinCode.slice(0, -1) + CODE_ALPHABET[retry];
}

export interface SeededSession {
	sessionId: number;
	teamId: number;
	gemeenteId: number;
	/** the respondent cookie value of each sent questionnaire */
	tokens: string[];
}

/**
 * A gemeente of its own with a team, a meetronde and an open basisfuncties session in which
 * `respondents` questionnaires were filled in and sent (straight into the database: filling in is
 * tested elsewhere). A retry of the test gets a gemeente and join code of its own.
 */
export function seedOpenSession(options: {
	gemeente: string;
	team: string;
	round: { name: string; startsOn: string; endsOn: string };
	joinCode: string;
	respondents: number;
	minRespondents: number;
}): SeededSession {
	const retry = test.info().retry;
	options = {
		...options,
		gemeente: retry === 0 ? options.gemeente : `${options.gemeente} ${retry + 1}`,
		joinCode: forThisAttempt(options.joinCode)
	};
	return writeDatabase((db) =>
		db
			.transaction(() => {
				const now = Date.now();
				db.prepare('INSERT OR IGNORE INTO gemeenten (name, created_at) VALUES (?, ?)').run(
					options.gemeente,
					now
				);
				const gemeenteId = db
					.prepare('SELECT id FROM gemeenten WHERE name = ?')
					.pluck()
					.get(options.gemeente) as number;
				db.prepare(
					"INSERT OR IGNORE INTO teams (gemeente_id, name, tasks, created_at) VALUES (?, ?, '[]', ?)"
				).run(gemeenteId, options.team, now);
				const teamId = db
					.prepare('SELECT id FROM teams WHERE gemeente_id = ? AND name = ?')
					.pluck()
					.get(gemeenteId, options.team) as number;
				const existing = db
					.prepare('SELECT id FROM sessions WHERE join_code = ?')
					.pluck()
					.get(options.joinCode) as number | undefined;
				if (existing) throw new Error(`${options.joinCode} bestaat al: kies een eigen code`);
				const roundId =
					(db
						.prepare('SELECT id FROM meetrondes WHERE gemeente_id = ? AND name = ?')
						.pluck()
						.get(gemeenteId, options.round.name) as number | undefined) ??
					Number(
						db
							.prepare(
								'INSERT INTO meetrondes (name, starts_on, ends_on, gemeente_id, created_at) VALUES (?, ?, ?, ?, ?)'
							)
							.run(
								options.round.name,
								options.round.startsOn,
								options.round.endsOn,
								gemeenteId,
								now
							).lastInsertRowid
					);
				const version = db
					.prepare(
						"SELECT id FROM questionnaire_versions WHERE questionnaire_id = 'basisfuncties' AND version = 1"
					)
					.pluck()
					.get();
				const sessionId = Number(
					db
						.prepare(
							"INSERT INTO sessions (team_id, meetronde_id, questionnaire_version_id, join_code, status, min_respondents, opened_at, created_at) VALUES (?, ?, ?, ?, 'open', ?, ?, ?)"
						)
						.run(teamId, roundId, version, options.joinCode, options.minRespondents, now, now)
						.lastInsertRowid
				);
				const tokens: string[] = [];
				for (let i = 0; i < options.respondents; i++) {
					const token = randomBytes(32).toString('base64url');
					const responseId = Number(
						db
							.prepare(
								'INSERT INTO responses (session_id, token_hash, resume_code_hash, started_at, submitted_at) VALUES (?, ?, ?, ?, ?)'
							)
							.run(
								sessionId,
								sha256(token),
								sha256(randomBytes(16).toString('hex')),
								now - 600_000,
								now
							).lastInsertRowid
					);
					ITEMS.forEach((itemId, j) => {
						db.prepare(
							'INSERT INTO answers (response_id, item_id, value, dont_know, flagged) VALUES (?, ?, ?, 0, ?)'
						).run(responseId, itemId, 1 + ((i + j) % 5), (i + j) % 3 === 0 ? 1 : 0);
					});
					tokens.push(token);
				}
				return { sessionId, teamId, gemeenteId, tokens };
			})
			.immediate()
	);
}
