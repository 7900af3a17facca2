// `npm run bench` (no flag): how the respondent's save holds up under load. Prints figures; it is
// no test.
//
// 1. the production server on a fresh temp database, 500 respondents started in the demo session;
// 2. realistic load: 500 keep-alive connections (one respondent each) at 200 saves/s overall;
// 3. saturation: 50 connections saving as fast as they can (autocannon);
// 4. no acknowledged answer lost: the database holds exactly the last acknowledged save;
// 5. references, each with the same 50 connections and time: a SvelteKit endpoint that does no
//    database work at all (src/routes/bench/leeg: what the framework alone allows), one that does
//    the save's database write committed alone (src/routes/bench/upsert), and a bare Node http
//    server with that write, with synchronous=FULL like the app and with NORMAL (what durability
//    costs). The bench routes answer only with WIJKSPIEGEL_BENCH=1.
//
// BENCH_DURATION (seconds, default 30) sets the realistic run; the others take a third of it.
// Returns false when answers were lost.
import { performance } from 'node:perf_hooks';
import { SYNC_MODES, startBareServer } from './bare-server.js';
import { fmt, hashToken, loadLine, mark } from './bench-stats.js';
import { checkAnswers, responseIdOf } from './save-check.js';
import { ITEMS, SATURATION_CONNECTIONS, cannon, realisticRun, saturationRun } from './save-load.js';
import { TOKEN_COOKIE, sleep, startRespondent, startServer } from './server.js';

/** @typedef {import('./save-load.js').Respondent} Respondent */
/** @typedef {import('./save-load.js').RunFigures} RunFigures */
/** @typedef {import('./bare-server.js').SyncMode} SyncMode */

const RESPONDENTS = 500;
const REALISTIC_RATE = 200;
/** Issue 15: p99 of a durable save at 200 saves/s. */
const TARGET_P99_MS = 10;
/** Issue 15: saturation as a share of the SvelteKit endpoint without database work. */
const TARGET_SHARE_OF_EMPTY = 0.75;

/** @param {RunFigures} f */
function printRun(f) {
	const failures = f.failures === null ? '' : `, JSON-failures ${f.failures}`;
	console.log(
		`  ${f.name}: ${fmt(f.rps)} req/s, p50 ${fmt(f.p50)} ms, p99 ${fmt(f.p99)} ms, ` +
			`${f.total} antwoorden, non-2xx ${f.non2xx}, fouten ${f.errors}${failures}`
	);
}

/**
 * Starts the respondents (and one more for the upsert reference) like the start page's form.
 * @param {import('./server.js').RunningServer} server
 */
async function startRespondents(server) {
	const tokens = new Array(RESPONDENTS + 1);
	let started = 0;
	await Promise.all(
		Array.from({ length: 10 }, async () => {
			while (started < tokens.length) {
				const i = started++;
				tokens[i] = await startRespondent(server);
			}
		})
	);
	/** @type {Respondent[]} */
	const respondents = tokens.slice(0, RESPONDENTS).map((token, index) => ({
		index,
		cookie: `${TOKEN_COOKIE}=${token}`,
		tokenHash: hashToken(token),
		acked: null,
		pending: [],
		successes: 0
	}));
	const referenceResponseId = responseIdOf(server.databasePath, hashToken(tokens[RESPONDENTS]));
	return { respondents, referenceResponseId };
}

/**
 * One bench route of the app (the bench routes 404 without WIJKSPIEGEL_BENCH=1: checked first).
 * @param {import('./server.js').RunningServer} server
 * @param {string} name
 * @param {string} path
 * @param {number} seconds
 */
async function kitReference(server, name, path, seconds) {
	const body = 'antwoord-ps-1=2&antwoord-ps-2=3&antwoord-ps-3=1&antwoord-ps-4=2&naar=blijf';
	const headers = {
		origin: server.origin,
		'content-type': 'application/x-www-form-urlencoded'
	};
	const probe = await fetch(server.base + path, { method: 'POST', headers, body });
	if (probe.status !== 200) {
		throw new Error(`${path} antwoordde ${probe.status}: ${await probe.text()}`);
	}
	console.log(`\nReferentie ${name} (${path}), ${seconds} s...`);
	const figures = await cannon(`ref. ${name}`, {
		url: server.base + path,
		connections: SATURATION_CONNECTIONS,
		duration: seconds,
		method: 'POST',
		headers,
		requests: [{ method: 'POST', path, body }]
	});
	printRun(figures);
	return figures;
}

/**
 * The bare node:http server, with the app's synchronous=FULL and with NORMAL.
 * @param {number} seconds
 */
async function bareReferences(seconds) {
	/** @type {Partial<Record<SyncMode, RunFigures>>} */
	const runs = {};
	for (const mode of SYNC_MODES) {
		const bare = await startBareServer(mode);
		try {
			console.log(
				`\nReferentie kale node:http + better-sqlite3, synchronous=${mode}, ${seconds} s...`
			);
			runs[mode] = await cannon(`ref. kaal ${mode}`, {
				url: `http://127.0.0.1:${bare.port}/bench/upsert?response=1`,
				connections: SATURATION_CONNECTIONS,
				duration: seconds,
				method: 'POST'
			});
			printRun(runs[mode]);
		} finally {
			await bare.stop();
		}
	}
	return {
		full: /** @type {RunFigures} */ (runs.FULL),
		normal: /** @type {RunFigures} */ (runs.NORMAL)
	};
}

/**
 * @param {{ realistic: RunFigures, saturation: RunFigures, empty: RunFigures, upsert: RunFigures,
 *   bare: { full: RunFigures, normal: RunFigures }, lost: boolean }} f
 */
function printSummary(f) {
	/** @param {string} s @param {number} w */
	const pad = (s, w) => s.padEnd(w);
	/** @param {string} s @param {number} w */
	const lpad = (s, w) => s.padStart(w);
	console.log('\nSamenvatting (alles in dezelfde run)');
	console.log(
		`  ${pad('meting', 26)}${lpad('req/s', 9)}${lpad('p50 ms', 9)}${lpad('p99 ms', 9)}` +
			`${lpad('non-2xx', 9)}${lpad('fouten', 8)}${lpad('failures', 10)}`
	);
	for (const r of [f.realistic, f.saturation, f.empty, f.upsert, f.bare.full, f.bare.normal]) {
		console.log(
			`  ${pad(r.name, 26)}${lpad(fmt(r.rps), 9)}${lpad(fmt(r.p50), 9)}${lpad(fmt(r.p99), 9)}` +
				`${lpad(String(r.non2xx), 9)}${lpad(String(r.errors), 8)}` +
				`${lpad(r.failures === null ? '-' : String(r.failures), 10)}`
		);
	}
	const share = f.saturation.rps / f.empty.rps;
	console.log(
		`  opslaan bij ${REALISTIC_RATE}/s: p99 ${fmt(f.realistic.p99)} ms (doel < ${TARGET_P99_MS} ms; ` +
			`p50 ${fmt(f.realistic.p50)} ms): ${mark(f.realistic.p99 < TARGET_P99_MS)}`
	);
	console.log(
		`  verzadiging ${fmt(f.saturation.rps)} req/s = ${fmt(share * 100, 0)}% van het SvelteKit-endpoint ` +
			`zonder database (${fmt(f.empty.rps)} req/s; doel >= ${TARGET_SHARE_OF_EMPTY * 100}%): ` +
			mark(share >= TARGET_SHARE_OF_EMPTY)
	);
	console.log(
		`  verzadiging = ${fmt((f.saturation.rps / f.upsert.rps) * 100, 0)}% van het SvelteKit-endpoint ` +
			`dat elke upsert apart vastlegt, ${fmt((f.saturation.rps / f.bare.full.rps) * 100, 0)}% van ` +
			`de kale server (FULL)`
	);
	// What durability costs: the same bare server, only the sync after every commit differs.
	const durabilityCost = 1 - f.bare.full.rps / f.bare.normal.rps;
	console.log(
		`  kale server: synchronous FULL ${fmt(f.bare.full.rps)} req/s vs NORMAL ${fmt(f.bare.normal.rps)} ` +
			`req/s: FULL kost ${fmt(durabilityCost * 100, 0)}% doorvoer` +
			(durabilityCost < 0 ? ' (FULL was sneller: ruis van een drukke machine)' : '')
	);
	console.log(`  geen antwoorden verloren: ${f.lost ? 'FOUT' : 'OK'}`);
	console.log(`  ${loadLine()}`);
}

export async function runSaveBench() {
	const realisticSeconds = Number(process.env.BENCH_DURATION) || 30;
	const shortSeconds = Math.max(1, Math.round(realisticSeconds / 3));
	console.log(
		`Wijkspiegel bench: realistisch ${realisticSeconds} s, verzadiging en referenties ${shortSeconds} s`
	);
	console.log(loadLine());
	const server = await startServer({ env: { WIJKSPIEGEL_BENCH: '1' } });
	try {
		console.log(`Server draait op ${server.origin} (database ${server.databasePath})`);
		const t0 = performance.now();
		const { respondents, referenceResponseId } = await startRespondents(server);
		console.log(
			`${RESPONDENTS} respondenten (+1 voor de referentie) gestart in ${fmt(performance.now() - t0, 0)} ms`
		);

		console.log(
			`\nRealistisch: ${RESPONDENTS} verbindingen, ${REALISTIC_RATE} opslagen/s, ${realisticSeconds} s...`
		);
		const realistic = await realisticRun(server, respondents, REALISTIC_RATE, realisticSeconds);
		printRun(realistic);

		console.log(`\nVerzadiging: ${SATURATION_CONNECTIONS} verbindingen, ${shortSeconds} s...`);
		const saturation = await saturationRun(server, respondents, shortSeconds);
		printRun(saturation);

		// Before the references, which write into the same table.
		await sleep(1000); // requests cut off at the end of the run may still be in progress
		const check = checkAnswers(server.databasePath, respondents);
		console.log(
			`\nControle antwoorden: ${check.acked} respondenten met een bevestigde opslag, ` +
				`${check.ackedRows} rijen (verwacht ${ITEMS.length * check.acked}), ` +
				`${check.missing} onvolledig, ${check.wrongValues} met andere waarden dan bevestigd; ` +
				`${check.unackedRows} rijen van respondenten zonder bevestiging: ${check.ok ? 'OK' : 'FOUT'}`
		);
		for (const example of check.examples) console.log(`  ${example}`);

		const empty = await kitReference(server, 'SvelteKit leeg', '/bench/leeg', shortSeconds);
		const upsert = await kitReference(
			server,
			'SvelteKit upsert',
			`/bench/upsert?response=${referenceResponseId}`,
			shortSeconds
		);
		const bare = await bareReferences(shortSeconds);
		printSummary({ realistic, saturation, empty, upsert, bare, lost: !check.ok });
		return check.ok;
	} finally {
		await server.stop();
	}
}
