// `npm run bench:data [-- FILE]`: fills a database with a large, realistic dataset for
// `npm run bench -- --compare`: 50 gemeenten, 400 teams (50 of them in Grootstad), 8 meetrondes,
// the three questionnaires per team and round, about 10 million answers.
//
// 1. The app itself creates the database (migrations, questionnaires, beheerder) and stops.
// 2. This script writes the gemeenten, teams, rounds and closed sessions with their responses.
// 3. The app starts once more and computes the figures of every closed session, as it does for a
//    database from before figures were stored; the script prints how long that took.
//
// BENCH_DATA_SCALE (default 1) scales the number of respondents, e.g. 0.1 for a quick try.
import Database from 'better-sqlite3';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BENCH_DATA_PATH, BIG_GEMEENTE, startServer } from './lib/server.js';

const GEMEENTEN = 50;
const TEAMS = 400;
const BIG_GEMEENTE_TEAMS = 50;
const ROUNDS = 8;

const path = process.argv[2] ?? BENCH_DATA_PATH;
const scale = Number(process.env.BENCH_DATA_SCALE ?? 1);
if (!(scale > 0 && scale <= 4)) {
	console.error('BENCH_DATA_SCALE moet een getal tussen 0 en 4 zijn.');
	process.exit(1);
}

/**
 * mulberry32 (as src/lib/domain/random.ts, which a plain Node script cannot import): the same
 * dataset on every run, so figures compare between runs.
 * @param {number} seed
 */
function seeded(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const random = seeded(20261123);
/** @type {(low: number, high: number) => number} */
const between = (low, high) => low + Math.floor(random() * (high - low + 1));

/** 49 made-up Dutch place names, plus the big gemeente the bench measures. */
function gemeenteNames() {
	const heads = ['Noord', 'Zuid', 'Oost', 'West', 'Hoog', 'Laag', 'Groot', 'Klein', 'Nieuw', 'Oud'];
	const tails = ['dam', 'veen', 'wijk', 'hoven', 'dorp', 'berg', 'horst', 'meer', 'burg', 'broek'];
	const names = heads.flatMap((h) => tails.map((t) => h + t));
	return [BIG_GEMEENTE, ...names.filter((_, i) => i % 2 === 0).slice(0, GEMEENTEN - 1)];
}

/** How many teams each gemeente gets: 50 for the big one, the rest spread evenly. */
function teamCounts() {
	const others = GEMEENTEN - 1;
	const rest = TEAMS - BIG_GEMEENTE_TEAMS;
	return [
		BIG_GEMEENTE_TEAMS,
		...Array.from(
			{ length: others },
			(_, i) => Math.floor(rest / others) + (i < rest % others ? 1 : 0)
		)
	];
}

function rounds() {
	return Array.from({ length: ROUNDS }, (_, r) => {
		const year = 2023 + Math.floor(r / 2);
		const spring = r % 2 === 0;
		return {
			name: `${r === 0 ? 'Nulmeting' : `${r}-meting`} ${spring ? 'voorjaar' : 'najaar'} ${year}`,
			startsOn: `${year}-${spring ? '03' : '10'}-01`,
			endsOn: `${year}-${spring ? '04' : '11'}-30`
		};
	});
}

/**
 * @typedef {{ id: string, items: { id: string, reverse: boolean }[] }} BenchDimension
 * @typedef {{ versionId: number, dontKnow: boolean, min: number, max: number, dimensions: BenchDimension[] }} BenchQuestionnaire
 * @typedef {{ value: number }} Point
 * @typedef {{ id: string, reverse?: boolean }} Item
 * @typedef {{ scale: { points: Point[], dontKnow?: string }, dimensions: { id: string, items: Item[] }[] }} Definition
 */

/**
 * The latest version of every questionnaire the app loaded.
 * @param {Database.Database} db
 * @returns {BenchQuestionnaire[]}
 */
function questionnaires(db) {
	const rows = /** @type {{ id: number, definition: string }[]} */ (
		db
			.prepare(
				`SELECT id, questionnaire_id, definition FROM questionnaire_versions v
			 WHERE version = (SELECT MAX(version) FROM questionnaire_versions w WHERE w.questionnaire_id = v.questionnaire_id)`
			)
			.all()
	);
	return rows.map((row) => {
		const definition = /** @type {Definition} */ (JSON.parse(row.definition));
		const values = definition.scale.points.map((p) => p.value);
		return {
			versionId: row.id,
			dontKnow: Boolean(definition.scale.dontKnow),
			min: Math.min(...values),
			max: Math.max(...values),
			dimensions: definition.dimensions.map((d) => ({
				id: d.id,
				items: d.items.map((i) => ({ id: i.id, reverse: Boolean(i.reverse) }))
			}))
		};
	});
}

const COMMENTS = [
	'We weten elkaar goed te vinden, maar de wachtlijst zit ons dwars.',
	'Meer tijd voor overleg met de huisarts zou helpen.',
	'Wie doet wat bij een melding is niet altijd duidelijk.',
	'Mooi dat we nu samen casussen bespreken.'
];

const TASK_SETS = [
	['toegang'],
	['toegang', 'regie'],
	['toegang', 'regie', 'zelf-hulp'],
	['toegang', 'zelf-hulp']
];

/** @param {Database.Database} db */
function fill(db) {
	const insert = {
		gemeente: db.prepare('INSERT INTO gemeenten (name, created_at) VALUES (?, ?)'),
		team: db.prepare(
			'INSERT INTO teams (gemeente_id, name, tasks, composition, legal_form, target_group, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'
		),
		round: db.prepare(
			'INSERT INTO meetrondes (name, starts_on, ends_on, gemeente_id, created_at) VALUES (?, ?, ?, ?, ?)'
		),
		session: db.prepare(
			`INSERT INTO sessions (team_id, meetronde_id, questionnaire_version_id, join_code, status, min_respondents, opened_at, closed_at, results_shown_at, created_at)
			 VALUES (?, ?, ?, ?, 'closed', 5, ?, ?, ?, ?)`
		),
		response: db.prepare(
			'INSERT INTO responses (session_id, token_hash, resume_code_hash, started_at, submitted_at) VALUES (?, ?, ?, ?, ?)'
		),
		answer: db.prepare(
			'INSERT INTO answers (response_id, item_id, value, dont_know, flagged) VALUES (?, ?, ?, ?, ?)'
		),
		comment: db.prepare('INSERT INTO comments (response_id, dimension_id, body) VALUES (?, ?, ?)')
	};
	const lists = questionnaires(db);
	const counts = { gemeenten: 0, teams: 0, rounds: 0, sessions: 0, responses: 0, answers: 0 };
	const now = Date.now();
	let sessionNumber = 0;
	let responseNumber = 0;
	const names = gemeenteNames();
	const perGemeente = teamCounts();
	names.forEach((name, g) => {
		db.transaction(() => {
			const gemeenteId = Number(insert.gemeente.run(name, now).lastInsertRowid);
			counts.gemeenten++;
			const roundRows = rounds().map((round) => {
				counts.rounds++;
				const id = Number(
					insert.round.run(round.name, round.startsOn, round.endsOn, gemeenteId, now)
						.lastInsertRowid
				);
				return { ...round, id };
			});
			for (let t = 0; t < perGemeente[g]; t++) {
				const tasks = TASK_SETS[between(0, TASK_SETS.length - 1)];
				const teamId = Number(
					insert.team.run(
						gemeenteId,
						`Wijkteam ${String(t + 1).padStart(2, '0')}`,
						JSON.stringify(tasks),
						'gemeente-ingehuurd',
						'gemeente',
						'jeugd-gezin',
						now
					).lastInsertRowid
				);
				counts.teams++;
				const size = Math.max(1, Math.round(between(25, 55) * scale));
				const level = 2.2 + random() * 1.6;
				roundRows.forEach((round, r) => {
					const opened = Date.parse(`${round.startsOn}T09:00:00Z`);
					const closed = Date.parse(`${round.endsOn}T17:00:00Z`);
					for (const list of lists) {
						sessionNumber++;
						const sessionId = Number(
							insert.session.run(
								teamId,
								round.id,
								list.versionId,
								`B${sessionNumber.toString(36).toUpperCase().padStart(5, '0')}`,
								opened,
								closed,
								closed,
								now
							).lastInsertRowid
						);
						counts.sessions++;
						// Now and then a session stays below the minimum: it must be left out.
						const respondents =
							random() < 0.03
								? between(3, 4)
								: Math.max(1, Math.round(size * (0.75 + random() * 0.25)));
						for (let p = 0; p < respondents; p++) {
							responseNumber++;
							const responseId = Number(
								insert.response.run(
									sessionId,
									`bench-token-${responseNumber}`,
									`bench-resume-${responseNumber}`,
									opened + p * 60_000,
									closed - p * 60_000
								).lastInsertRowid
							);
							counts.responses++;
							const personal = (random() - 0.5) * 1.2;
							list.dimensions.forEach((dimension, d) => {
								const tilt = Math.sin((d + 1) * level * 3) * 0.6;
								for (const item of dimension.items) {
									counts.answers++;
									if (list.dontKnow && random() < 0.04) {
										insert.answer.run(responseId, item.id, null, 1, 0);
										continue;
									}
									const target = level + r * 0.08 + personal + tilt + (random() - 0.5) * 1.4;
									const score = Math.min(list.max, Math.max(list.min, Math.round(target)));
									// Negatively phrased statements are stored as answered: mirrored.
									const raw = item.reverse ? list.min + list.max - score : score;
									insert.answer.run(responseId, item.id, raw, 0, random() < 0.06 ? 1 : 0);
								}
								if (random() < 0.04) {
									insert.comment.run(
										responseId,
										dimension.id,
										COMMENTS[between(0, COMMENTS.length - 1)]
									);
								}
							});
						}
					}
				});
			}
		})();
		if ((g + 1) % 10 === 0) {
			console.log(
				`  ${g + 1}/${names.length} gemeenten, ${counts.answers.toLocaleString('nl-NL')} antwoorden`
			);
		}
	});
	return counts;
}

/** @param {number} ms */
const seconds = (ms) => `${(ms / 1000).toFixed(1).replace('.', ',')} s`;

async function main() {
	mkdirSync(dirname(path), { recursive: true });
	for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
	console.log(`Benchmarkdatabase: ${path} (schaal ${scale})`);

	// 1. The app makes the database, exactly as in production.
	const created = await startServer({ databasePath: path, env: { SEED_DEMO: 'false' } });
	await created.stop();

	// 2. The dataset. Durability is not needed while filling a throwaway file.
	const started = performance.now();
	const db = new Database(path);
	db.pragma('foreign_keys = ON');
	db.pragma('synchronous = OFF');
	const counts = fill(db);
	db.pragma('optimize');
	db.close();
	const filled = performance.now() - started;

	// 3. The app computes the figures of every closed session on start-up.
	const backfillStart = performance.now();
	const server = await startServer({
		databasePath: path,
		env: { SEED_DEMO: 'false' },
		timeoutMs: 1_800_000
	});
	const backfill = performance.now() - backfillStart;
	const line = server.output().match(/Cijfers berekend voor (\d+) gesloten sessies/);
	await server.stop();

	const size = statSync(path).size;
	console.log(
		[
			'',
			`Gemeenten:   ${counts.gemeenten}`,
			`Teams:       ${counts.teams} (${BIG_GEMEENTE}: ${BIG_GEMEENTE_TEAMS})`,
			`Meetrondes:  ${counts.rounds} (${ROUNDS} per gemeente)`,
			`Sessies:     ${counts.sessions.toLocaleString('nl-NL')} (gesloten)`,
			`Responses:   ${counts.responses.toLocaleString('nl-NL')}`,
			`Antwoorden:  ${counts.answers.toLocaleString('nl-NL')}`,
			`Bestand:     ${(size / 1024 / 1024).toFixed(0)} MB`,
			`Vullen:      ${seconds(filled)}`,
			`Cijfers per sessie berekend bij de start: ${line ? line[1] : '0'} sessies, start tot gezond in ${seconds(backfill)}`,
			'',
			'Meet nu met: npm run bench -- --compare'
		].join('\n')
	);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
