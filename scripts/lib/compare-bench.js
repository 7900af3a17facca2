// `npm run bench -- --compare [FILE]`: how fast comparisons and exports are on the large dataset
// of `npm run bench:data`, for the gemeente with 50 teams over 8 meetrondes. Prints per request
// the server's own time (from its log lines) and the time seen by the client, p50 and p90.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadLine, mark, mb, watchPeakRss } from './bench-stats.js';
import { BENCH_DATA_PATH, BIG_GEMEENTE, startServer } from './server.js';

const ADMIN_EMAIL = 'beheer@wijkspiegel.local';
const ADMIN_PASSWORD = 'bench-beheer-wachtwoord';
const WARM_UP = 3;
const TARGET_PAGE_MS = 15;
const TARGET_XLSX_MS = 500;

/**
 * @typedef {object} Target
 * @property {string} label
 * @property {string} path
 * @property {number} runs
 * @property {string} route as the server's request log names it
 * @property {boolean} [watchMemory] watch the server's peak RSS while measuring this one
 */

/** @param {number[]} values @param {number} q */
function percentile(values, q) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** @param {number} ms */
const format = (ms) =>
	Number.isFinite(ms) ? `${ms.toFixed(ms < 10 ? 1 : 0).replace('.', ',')} ms` : '-';

/** @param {string} path */
function subjects(path) {
	const db = new Database(path, { readonly: true });
	try {
		const gemeente = /** @type {{ id: number } | undefined} */ (
			db.prepare('SELECT id FROM gemeenten WHERE name = ?').get(BIG_GEMEENTE)
		);
		if (!gemeente) throw new Error(`${BIG_GEMEENTE} ontbreekt in ${path}`);
		const rounds = /** @type {{ id: number }[]} */ (
			db
				.prepare('SELECT id FROM meetrondes WHERE gemeente_id = ? ORDER BY starts_on')
				.all(gemeente.id)
		);
		const team = /** @type {{ id: number }} */ (
			db
				.prepare('SELECT id FROM teams WHERE gemeente_id = ? ORDER BY name LIMIT 1')
				.get(gemeente.id)
		);
		const teams = /** @type {{ n: number }} */ (
			db.prepare('SELECT COUNT(*) AS n FROM teams WHERE gemeente_id = ?').get(gemeente.id)
		).n;
		const answers = /** @type {{ n: number }} */ (
			db.prepare('SELECT COUNT(*) AS n FROM answers').get()
		).n;
		return {
			gemeenteId: gemeente.id,
			lastRound: rounds[rounds.length - 1].id,
			rounds: rounds.length,
			teamId: team.id,
			teams,
			answers
		};
	} finally {
		db.close();
	}
}

/**
 * @param {{ base: string, origin: string }} server
 * @returns {Promise<string>} the session cookie
 */
async function login(server) {
	const res = await fetch(`${server.base}/inloggen`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD })
	});
	await res.arrayBuffer();
	const cookie = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => c.startsWith('wijkspiegel_sessie='));
	if (!cookie) throw new Error(`Inloggen mislukte: HTTP ${res.status}`);
	return cookie;
}

/**
 * Times one URL: sequential requests after a warm-up, client time and the server's logged time.
 * @param {{ base: string, output: () => string, pid: number }} server
 * @param {string} cookie
 * @param {Target} target
 * @returns {Promise<{ serverP50: number, clientP50: number, peakRss: number | null }>}
 */
async function measure(server, cookie, target) {
	const memory = target.watchMemory ? watchPeakRss(server.pid) : null;
	const client = [];
	let bytes = 0;
	const logFrom = server.output().length;
	for (let i = 0; i < WARM_UP + target.runs; i++) {
		const t0 = performance.now();
		const res = await fetch(server.base + target.path, { headers: { cookie } });
		const body = await res.arrayBuffer();
		const ms = performance.now() - t0;
		if (res.status !== 200) throw new Error(`${target.label}: HTTP ${res.status}`);
		if (i >= WARM_UP) client.push(ms);
		bytes = body.byteLength;
	}
	const peakRss = memory ? memory.stop() : null;
	// The server's log lines of the last requests may still be on their way through the pipe.
	await new Promise((resolve) => setTimeout(resolve, 200));
	const logged = server
		.output()
		.slice(logFrom)
		.split('\n')
		.filter((line) => line.startsWith('{'))
		.map((line) => JSON.parse(line))
		.filter((entry) => entry.message === 'request' && entry.route === target.route)
		.map((entry) => Number(entry.ms))
		.slice(WARM_UP);
	console.log(
		`${target.label.padEnd(52)} server p50 ${format(percentile(logged, 0.5)).padStart(8)}  p90 ${format(percentile(logged, 0.9)).padStart(8)}` +
			`   client p50 ${format(percentile(client, 0.5)).padStart(8)}   ${(bytes / 1024).toFixed(0)} KB` +
			(memory ? `   piek-RSS ${mb(peakRss)}` : '')
	);
	return { serverP50: percentile(logged, 0.5), clientP50: percentile(client, 0.5), peakRss };
}

export async function runCompareBench(path = BENCH_DATA_PATH) {
	if (!existsSync(path)) {
		console.error(`Geen benchmarkdatabase in ${path}. Maak die eerst met: npm run bench:data`);
		return false;
	}
	const s = subjects(path);
	console.log(
		`Vergelijkingen op ${path}: ${s.answers.toLocaleString('nl-NL')} antwoorden; ${BIG_GEMEENTE} met ${s.teams} teams en ${s.rounds} meetrondes`
	);
	const server = await startServer({
		databasePath: path,
		env: { SEED_DEMO: 'false', ADMIN_PASSWORD, ADMIN_EMAIL, LOG_REQUESTS: 'true' }
	});
	try {
		const cookie = await login(server);
		const source = `bron=gemeente-${s.gemeenteId}&vragenlijst=stevig-lokaal-team`;
		const page = '/beheer/vergelijken';
		const csv = '/beheer/vergelijken/csv';
		const xlsx = '/beheer/vergelijken/xlsx';
		/** @type {Target[]} */
		const targets = [
			{
				label: `Pagina: ${s.teams} teams in één ronde`,
				path: `${page}?${source}&soort=teams&ronde=${s.lastRound}`,
				runs: 30,
				route: page
			},
			{
				label: `Pagina: één team over ${s.rounds} rondes`,
				path: `${page}?${source}&soort=rondes&team=${s.teamId}`,
				runs: 30,
				route: page
			},
			{
				label: `Pagina: team naast gemiddelde van ${s.teams}`,
				path: `${page}?${source}&soort=gemiddelde&team=${s.teamId}&ronde=${s.lastRound}`,
				runs: 30,
				route: page
			},
			{
				label: `CSV: ${s.teams} teams in één ronde`,
				path: `${csv}?${source}&soort=teams&ronde=${s.lastRound}`,
				runs: 20,
				route: csv
			},
			{
				label: `CSV: alle ${s.teams} teams x ${s.rounds} rondes`,
				path: `${csv}?${source}&omvang=alles`,
				runs: 10,
				route: csv
			},
			{
				label: `XLSX: alle ${s.teams} teams x ${s.rounds} rondes`,
				path: `${xlsx}?${source}&omvang=alles`,
				runs: 10,
				route: xlsx,
				watchMemory: true
			},
			{
				label: `Export gemeente (CSV, 3 vragenlijsten)`,
				path: `/beheer/export?gemeente=${s.gemeenteId}&formaat=csv`,
				runs: 5,
				route: '/beheer/export'
			}
		];
		console.log(loadLine());
		// The reference in the same run: the smallest signed-in page (the account page, no figures).
		const reference = await measure(server, cookie, {
			label: 'Referentie: de accountpagina (geen cijfers)',
			path: '/beheer/account',
			runs: 30,
			route: '/beheer/account'
		});
		/** @type {{ serverP50: number, clientP50: number, peakRss: number | null }[]} */
		const figures = [];
		for (const target of targets) figures.push(await measure(server, cookie, target));
		const teamsPage = figures[0];
		const all = figures[5];
		console.log('\nDoelen (issue 15)');
		console.log(
			`  vergelijkingspagina ${s.teams} teams: server p50 ${format(teamsPage.serverP50)} ` +
				`(doel < ${format(TARGET_PAGE_MS)}; referentie accountpagina ${format(reference.serverP50)}): ` +
				mark(teamsPage.serverP50 < TARGET_PAGE_MS)
		);
		console.log(
			`  XLSX van alles: server p50 ${format(all.serverP50)}, client p50 ${format(all.clientP50)} ` +
				`(doel < ${format(TARGET_XLSX_MS)}): ${mark(all.clientP50 < TARGET_XLSX_MS)}`
		);
		console.log(`  piek-RSS van de server tijdens de XLSX van alles: ${mb(all.peakRss)}`);
		console.log(`  ${loadLine()}`);
		return true;
	} finally {
		await server.stop();
	}
}
