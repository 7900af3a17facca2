import { scryptSync, randomBytes } from 'node:crypto';
import { writeDatabase } from './support';

/** Same format as src/lib/server/auth.ts; cheaper parameters, which the hash itself records. */
function hashPassword(password: string): string {
	const salt = randomBytes(16);
	const key = scryptSync(password.normalize('NFKC'), salt, 32, { N: 1024, r: 8, p: 1 });
	return ['scrypt', 1024, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

export const PASSWORD = 'een-lang-test-wachtwoord';
export const BEHEERDER = { email: 'beheer@example.nl', password: 'e2e-beheer-wachtwoord' };
export const FACILITATOR_A = { email: 'begeleider-a@example.nl', password: PASSWORD };
export const FACILITATOR_B = { email: 'begeleider-b@example.nl', password: PASSWORD };
export const VIEWER_A = { email: 'gemeente-a@example.nl', password: PASSWORD };
/** Facilitator who belongs only to the demo leerbeweging (issue 10, W6). */
export const FACILITATOR_L = { email: 'begeleider-leerbeweging@example.nl', password: PASSWORD };
/** Facilitator of Fuzzstad, a gemeente only the hostile-input tests touch. */
export const FUZZER = { email: 'fuzz@example.nl', password: PASSWORD };

export interface Fixture {
	gemeenteA: number;
	gemeenteB: number;
	teamA: number;
	teamB: number;
	closedSessionA: number;
	sessionB: number;
	leerbeweging: number;
	roundA: number;
	/** a draft session of team A in a round of the leerbeweging */
	leerbewegingSessionA: number;
	fuzz: { gemeente: number; team: number; session: number };
}

/**
 * Accounts and a second gemeente for the access tests: idempotent, so every test file may call it.
 * Voorbeeldstad (A) comes from the demo data; Anderstad (B) is made here.
 */
export function ensureFixture(): Fixture {
	return writeDatabase((db) =>
		db
			.transaction(() => {
				const now = Date.now();
				const gemeenteA = db
					.prepare("SELECT id FROM gemeenten WHERE name = 'Voorbeeldstad'")
					.pluck()
					.get() as number;
				db.prepare(
					"INSERT OR IGNORE INTO gemeenten (name, created_at) VALUES ('Anderstad', ?)"
				).run(now);
				const gemeenteB = db
					.prepare("SELECT id FROM gemeenten WHERE name = 'Anderstad'")
					.pluck()
					.get() as number;
				db.prepare(
					"INSERT OR IGNORE INTO teams (gemeente_id, name, tasks, created_at) VALUES (?, 'Team Anderstad', '[]', ?)"
				).run(gemeenteB, now);
				const teamB = db
					.prepare('SELECT id FROM teams WHERE gemeente_id = ?')
					.pluck()
					.get(gemeenteB) as number;
				const teamA = db
					.prepare("SELECT id FROM teams WHERE name = 'Wijkteam Noord'")
					.pluck()
					.get() as number;
				const roundB =
					(db.prepare('SELECT id FROM meetrondes WHERE gemeente_id = ?').pluck().get(gemeenteB) as
						number | undefined) ??
					Number(
						db
							.prepare(
								"INSERT INTO meetrondes (name, starts_on, ends_on, gemeente_id, created_at) VALUES ('Nulmeting Anderstad', '2026-09-01', '2026-12-31', ?, ?)"
							)
							.run(gemeenteB, now).lastInsertRowid
					);
				const version = db
					.prepare("SELECT id FROM questionnaire_versions WHERE questionnaire_id = 'basisfuncties'")
					.pluck()
					.get();
				db.prepare(
					"INSERT OR IGNORE INTO sessions (team_id, meetronde_id, questionnaire_version_id, join_code, status, min_respondents, created_at) VALUES (?, ?, ?, 'ANDR23', 'draft', 5, ?)"
				).run(teamB, roundB, version, now);
				const sessionB = db
					.prepare("SELECT id FROM sessions WHERE join_code = 'ANDR23'")
					.pluck()
					.get() as number;
				const closedSessionA = db
					.prepare(
						"SELECT id FROM sessions WHERE team_id = ? AND status = 'closed' ORDER BY id LIMIT 1"
					)
					.pluck()
					.get(teamA) as number;
				const leerbeweging = db
					.prepare('SELECT id FROM leerbewegingen ORDER BY id LIMIT 1')
					.pluck()
					.get() as number;

				const addUser = (
					email: string,
					name: string,
					role: string,
					scope: { gemeente?: number; leerbeweging?: number }
				) => {
					const inserted = db
						.prepare(
							'INSERT OR IGNORE INTO users (email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)'
						)
						.run(email, name, role, hashPassword(PASSWORD), now);
					if (inserted.changes === 1 && scope.gemeente) {
						db.prepare('INSERT INTO memberships (user_id, gemeente_id) VALUES (?, ?)').run(
							inserted.lastInsertRowid,
							scope.gemeente
						);
					}
					if (inserted.changes === 1 && scope.leerbeweging) {
						db.prepare('INSERT INTO memberships (user_id, leerbeweging_id) VALUES (?, ?)').run(
							inserted.lastInsertRowid,
							scope.leerbeweging
						);
					}
				};
				addUser(FACILITATOR_A.email, 'Begeleider A', 'facilitator', { gemeente: gemeenteA });
				addUser(FACILITATOR_B.email, 'Begeleider B', 'facilitator', { gemeente: gemeenteB });
				addUser(VIEWER_A.email, 'Gemeente A', 'gemeente-viewer', { gemeente: gemeenteA });

				db.prepare("INSERT OR IGNORE INTO gemeenten (name, created_at) VALUES ('Fuzzstad', ?)").run(
					now
				);
				const fuzzGemeente = db
					.prepare("SELECT id FROM gemeenten WHERE name = 'Fuzzstad'")
					.pluck()
					.get() as number;
				db.prepare(
					"INSERT OR IGNORE INTO teams (gemeente_id, name, tasks, created_at) VALUES (?, 'Team Fuzz', '[]', ?)"
				).run(fuzzGemeente, now);
				const fuzzTeam = db
					.prepare('SELECT id FROM teams WHERE gemeente_id = ?')
					.pluck()
					.get(fuzzGemeente) as number;
				db.prepare(
					"INSERT INTO meetrondes (name, starts_on, ends_on, gemeente_id, created_at) SELECT 'Ronde Fuzz', '2026-01-01', '2026-12-31', ?, ? WHERE NOT EXISTS (SELECT 1 FROM meetrondes WHERE gemeente_id = ?)"
				).run(fuzzGemeente, now, fuzzGemeente);
				const fuzzRound = db
					.prepare('SELECT id FROM meetrondes WHERE gemeente_id = ?')
					.pluck()
					.get(fuzzGemeente);
				db.prepare(
					"INSERT OR IGNORE INTO sessions (team_id, meetronde_id, questionnaire_version_id, join_code, status, min_respondents, created_at) VALUES (?, ?, ?, 'FVZZ23', 'closed', 5, ?)"
				).run(fuzzTeam, fuzzRound, version, now);
				const fuzzSession = db
					.prepare("SELECT id FROM sessions WHERE join_code = 'FVZZ23'")
					.pluck()
					.get() as number;
				addUser(FUZZER.email, 'Fuzzer', 'facilitator', { gemeente: fuzzGemeente });
				addUser(FACILITATOR_L.email, 'Begeleider Leerbeweging', 'facilitator', { leerbeweging });
				db.prepare(
					"INSERT INTO meetrondes (name, starts_on, ends_on, leerbeweging_id, created_at) SELECT 'Leerronde 2026', '2026-01-01', '2026-12-31', ?, ? WHERE NOT EXISTS (SELECT 1 FROM meetrondes WHERE leerbeweging_id = ?)"
				).run(leerbeweging, now, leerbeweging);
				const leerbewegingRound = db
					.prepare('SELECT id FROM meetrondes WHERE leerbeweging_id = ?')
					.pluck()
					.get(leerbeweging);
				db.prepare(
					"INSERT OR IGNORE INTO sessions (team_id, meetronde_id, questionnaire_version_id, join_code, status, min_respondents, created_at) VALUES (?, ?, ?, 'LEER23', 'draft', 5, ?)"
				).run(teamA, leerbewegingRound, version, now);
				const leerbewegingSessionA = db
					.prepare("SELECT id FROM sessions WHERE join_code = 'LEER23'")
					.pluck()
					.get() as number;
				return {
					gemeenteA,
					gemeenteB,
					teamA,
					teamB,
					closedSessionA,
					sessionB,
					leerbeweging,
					roundA: db
						.prepare('SELECT id FROM meetrondes WHERE gemeente_id = ? ORDER BY id LIMIT 1')
						.pluck()
						.get(gemeenteA) as number,
					leerbewegingSessionA,
					fuzz: { gemeente: fuzzGemeente, team: fuzzTeam, session: fuzzSession }
				};
				// IMMEDIATE: take the write lock up front, so parallel workers wait instead of failing.
			})
			.immediate()
	);
}
