// `npm run bench`: how the respondent's save holds up under load. Prints figures; it is no test.
//
// 1. the production server on a fresh temp database, 500 respondents started in the demo session;
// 2. realistic load: 500 keep-alive connections (one respondent each) at 200 saves/s overall;
// 3. saturation: 50 connections saving as fast as they can (autocannon);
// 4. references with the same database write (one upsert of one answer row): a minimal SvelteKit
//    endpoint (src/routes/bench/upsert, on with WIJKSPIEGEL_BENCH=1) and a bare Node http server,
//    the latter twice: with synchronous=FULL like the app, and with NORMAL (what durability costs);
// 5. no acknowledged answer lost: the database holds exactly the last acknowledged save.
//
// BENCH_DURATION (seconds, default 30) sets the realistic run; the others take a third of it.
// Exit code 0 when it ran (missed targets are printed), 1 when it broke or answers were lost.
//
// `npm run bench -- --soak` (or BENCH_SOAK=1) runs only the soak instead: 500 respondents
// completing the whole questionnaire at once (scripts/lib/soak.js); exit code 1 on any error.
//
// `npm run bench -- --compare [FILE]` measures comparisons and exports on the large dataset that
// `npm run bench:data` makes (scripts/lib/compare-bench.js).
import Database from 'better-sqlite3';
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
	DEMO_CODE,
	TOKEN_COOKIE,
	onCleanup,
	sleep,
	startRespondent,
	startServer
} from './lib/server.js';
import { runCompareBench } from './lib/compare-bench.js';
import { runSoak } from './lib/soak.js';

/**
 * The parts of autocannon (no type declarations ship with it) this script uses.
 * @typedef {{ setHeaders: (headers: Record<string, string>) => void }} CannonClient
 * @typedef {{ headers?: Record<string, string>, body?: string, [key: string]: unknown }} CannonRequest
 * @typedef {Record<string, unknown>} CannonContext
 * @typedef {object} CannonOptions
 * @property {string} url
 * @property {number} connections
 * @property {number} duration seconds
 * @property {'GET' | 'POST'} [method]
 * @property {number} [timeout] seconds
 * @property {Record<string, string>} [headers]
 * @property {(client: CannonClient) => void} [setupClient]
 * @property {{
 *   method?: 'GET' | 'POST',
 *   path?: string,
 *   setupRequest?: (req: CannonRequest, context: CannonContext) => CannonRequest,
 *   onResponse?: (status: number, body: string, context: CannonContext) => void
 * }[]} [requests]
 * @typedef {object} CannonResult
 * @property {{ average: number, total: number }} requests
 * @property {{ p50: number, p99: number }} latency
 * @property {number} non2xx
 * @property {number} errors
 * @property {number} timeouts
 */
/** @type {(options: CannonOptions) => Promise<CannonResult>} */
const autocannon = createRequire(import.meta.url)('autocannon');

const BARE_FLAG = '--bare-upsert-server';
const SOAK = process.argv.includes('--soak') || process.env.BENCH_SOAK === '1';

/**
 * SQLite's synchronous setting of the bare reference. The app uses FULL in WAL mode: a commit is
 * synced to disk before it is acknowledged. NORMAL syncs only at checkpoints, so the last commits
 * may be lost on a power cut (not on a crash of the process).
 * @typedef {'FULL' | 'NORMAL'} SyncMode
 */
/** @type {SyncMode[]} */
const SYNC_MODES = ['FULL', 'NORMAL'];

const RESPONDENTS = 500;
const REALISTIC_RATE = 200;
const SATURATION_CONNECTIONS = 50;
const ITEMS = ['ps-1', 'ps-2', 'ps-3', 'ps-4'];
const SAVE_PATH = `/s/${DEMO_CODE}/1`;
const TARGET_P99_MS = 25;
const TARGET_RATIO = 0.6;

/**
 * @typedef {object} Respondent
 * @property {number} index
 * @property {string} cookie the Cookie header value
 * @property {string} tokenHash as stored in responses.token_hash
 * @property {number[] | null} acked the values of the last acknowledged save
 * @property {number[][]} pending values sent after that, not (yet) acknowledged: they may or may
 *   not have been committed (a connection cut off at the end of a run)
 * @property {number} successes
 */

/**
 * @typedef {object} RunFigures
 * @property {string} name
 * @property {number} rps completed requests per second
 * @property {number} p50 ms
 * @property {number} p99 ms
 * @property {number} total completed responses
 * @property {number} non2xx
 * @property {number} errors connection errors and timeouts
 * @property {number | null} failures JSON bodies without "type":"success" (saves only)
 */

const randomValues = () => ITEMS.map(() => 1 + Math.floor(Math.random() * 3));

/** @param {number[]} values */
const saveBody = (values) =>
	ITEMS.map((item, i) => `antwoord-${item}=${values[i]}`).join('&') + '&naar=blijf';

/** @param {string} token */
const hashToken = (token) => createHash('sha256').update(token).digest('hex');

/**
 * @param {number[]} sorted ascending
 * @param {number} q 0..1
 */
function percentile(sorted, q) {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** @param {number} n */
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

/**
 * Records the outcome of one save for its respondent.
 * @param {Respondent} respondent
 * @param {number[]} values
 * @param {boolean} success
 */
function settle(respondent, values, success) {
	if (!success) return;
	respondent.acked = values;
	respondent.successes++;
	const at = respondent.pending.indexOf(values);
	respondent.pending = at >= 0 ? respondent.pending.slice(at + 1) : [];
}

/**
 * One save over the respondent's own keep-alive connection.
 * @param {{ origin: string, port: number }} server
 * @param {Respondent} respondent
 * @param {http.Agent} agent
 * @returns {Promise<'success' | 'failure' | 'non2xx' | 'error'>}
 */
function save(server, respondent, agent) {
	const values = randomValues();
	const body = saveBody(values);
	respondent.pending.push(values);
	return new Promise((resolve) => {
		const req = http.request(
			{
				host: '127.0.0.1',
				port: server.port,
				method: 'POST',
				path: SAVE_PATH,
				agent,
				headers: {
					origin: server.origin,
					cookie: respondent.cookie,
					'x-sveltekit-action': 'true',
					accept: 'application/json',
					'content-type': 'application/x-www-form-urlencoded',
					'content-length': Buffer.byteLength(body)
				}
			},
			(res) => {
				/** @type {Buffer[]} */
				const chunks = [];
				res.on('data', (chunk) => chunks.push(chunk));
				res.on('error', () => resolve('error'));
				res.on('end', () => {
					const status = res.statusCode ?? 0;
					if (status < 200 || status > 299) return resolve('non2xx');
					const ok = Buffer.concat(chunks).toString().includes('"type":"success"');
					settle(respondent, values, ok);
					resolve(ok ? 'success' : 'failure');
				});
			}
		);
		req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
		req.on('error', () => resolve('error'));
		req.end(body);
	});
}

/**
 * Open-loop load: requests leave on a fixed schedule (rate per second overall), whatever the
 * server's latency; every respondent has its own connection and saves every N/rate seconds.
 * Latency counts from the scheduled moment, so a slow server cannot hide queueing.
 * @param {{ origin: string, port: number }} server
 * @param {Respondent[]} respondents
 * @param {number} rate
 * @param {number} seconds
 * @returns {Promise<RunFigures>}
 */
async function realisticRun(server, respondents, rate, seconds) {
	const agents = respondents.map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
	const order = respondents.map((_, i) => i);
	for (let i = order.length - 1; i > 0; i--) {
		const j = Math.floor(Math.random() * (i + 1));
		[order[i], order[j]] = [order[j], order[i]];
	}
	const total = Math.round(rate * seconds);
	/** @type {number[]} */
	const latencies = [];
	const counts = { success: 0, failure: 0, non2xx: 0, error: 0 };
	/** @type {Set<Promise<void>>} */
	const inflight = new Set();
	const start = performance.now();
	let next = 0;
	while (next < total) {
		const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
		for (; next < due; next++) {
			const scheduled = start + (next / rate) * 1000;
			const who = order[next % order.length];
			const p = save(server, respondents[who], agents[who]).then((outcome) => {
				counts[outcome]++;
				latencies.push(performance.now() - scheduled);
				inflight.delete(p);
			});
			inflight.add(p);
		}
		await sleep(1);
	}
	await Promise.all(inflight);
	const elapsed = (performance.now() - start) / 1000;
	for (const agent of agents) agent.destroy();
	latencies.sort((a, b) => a - b);
	return {
		name: 'realistisch',
		rps: latencies.length / elapsed,
		p50: percentile(latencies, 0.5),
		p99: percentile(latencies, 0.99),
		total: latencies.length,
		non2xx: counts.non2xx,
		errors: counts.error,
		failures: counts.failure
	};
}

/**
 * Closed-loop load with autocannon: `connections` clients, each as fast as its responses come.
 * @param {string} name
 * @param {CannonOptions} options
 * @param {{ failures: number } | null} [saveCounter] counted by the requests' onResponse
 * @returns {Promise<RunFigures>}
 */
async function cannon(name, options, saveCounter = null) {
	const result = await autocannon({ timeout: 10, ...options });
	return {
		name,
		rps: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		total: result.requests.total,
		non2xx: result.non2xx,
		errors: result.errors + result.timeouts,
		failures: saveCounter ? saveCounter.failures : null
	};
}

/**
 * Saturation: 50 respondents (one per connection) saving page 1 back to back.
 * @param {{ origin: string, base: string }} server
 * @param {Respondent[]} respondents
 * @param {number} seconds
 */
function saturationRun(server, respondents, seconds) {
	const chosen = respondents.slice(0, SATURATION_CONNECTIONS);
	const byCookie = new Map(chosen.map((r) => [r.cookie, r]));
	const counter = { failures: 0 };
	let nextClient = 0;
	return cannon(
		'verzadiging',
		{
			url: server.base,
			connections: SATURATION_CONNECTIONS,
			duration: seconds,
			headers: {
				origin: server.origin,
				'x-sveltekit-action': 'true',
				accept: 'application/json',
				'content-type': 'application/x-www-form-urlencoded'
			},
			// Every connection its own respondent: the client's headers carry its cookie.
			setupClient: (client) => {
				const respondent = chosen[nextClient++ % chosen.length];
				client.setHeaders({
					origin: server.origin,
					cookie: respondent.cookie,
					'x-sveltekit-action': 'true',
					accept: 'application/json',
					'content-type': 'application/x-www-form-urlencoded'
				});
			},
			requests: [
				{
					method: 'POST',
					path: SAVE_PATH,
					// The context lives from this request's setup to its response (pipelining 1).
					setupRequest: (req, context) => {
						const respondent = byCookie.get(String(req.headers?.cookie ?? ''));
						const values = randomValues();
						if (respondent) {
							respondent.pending.push(values);
							context.respondent = respondent;
							context.values = values;
						}
						return { ...req, body: saveBody(values) };
					},
					onResponse: (status, body, context) => {
						if (status < 200 || status > 299) return;
						const ok = body.includes('"type":"success"');
						if (!ok) counter.failures++;
						const respondent = /** @type {Respondent | undefined} */ (context.respondent);
						if (respondent) settle(respondent, /** @type {number[]} */ (context.values), ok);
					}
				}
			]
		},
		counter
	);
}

/**
 * Every respondent with an acknowledged save must have exactly its four answer rows, holding the
 * values of the last acknowledged save (or of a later save whose acknowledgement was cut off).
 * @param {string} databasePath
 * @param {Respondent[]} respondents
 */
function checkAnswers(databasePath, respondents) {
	const db = new Database(databasePath, { readonly: true, fileMustExist: true });
	try {
		const rows = /** @type {{ hash: string, item: string, value: number | null }[]} */ (
			db
				.prepare(
					`SELECT r.token_hash AS hash, a.item_id AS item, a.value AS value
					 FROM answers a JOIN responses r ON r.id = a.response_id`
				)
				.all()
		);
		/** @type {Map<string, Map<string, number | null>>} */
		const byHash = new Map();
		for (const row of rows) {
			const items = byHash.get(row.hash) ?? new Map();
			items.set(row.item, row.value);
			byHash.set(row.hash, items);
		}
		let acked = 0;
		let ackedRows = 0;
		let missing = 0;
		let wrongValues = 0;
		let unackedRows = 0;
		/** @type {string[]} */
		const examples = [];
		for (const r of respondents) {
			const items = byHash.get(r.tokenHash) ?? new Map();
			if (!r.acked) {
				unackedRows += items.size;
				continue;
			}
			acked++;
			ackedRows += items.size;
			const stored = ITEMS.map((item) => items.get(item));
			if (items.size !== ITEMS.length || stored.some((v) => v === undefined)) {
				missing++;
				if (examples.length < 3) examples.push(`respondent ${r.index}: ${items.size} rijen`);
				continue;
			}
			const candidates = [r.acked, ...r.pending];
			if (!candidates.some((c) => c.every((v, i) => v === stored[i]))) {
				wrongValues++;
				if (examples.length < 3) {
					examples.push(
						`respondent ${r.index}: opgeslagen ${stored.join(',')}, bevestigd ${r.acked.join(',')}`
					);
				}
			}
		}
		const ok = missing === 0 && wrongValues === 0 && ackedRows === ITEMS.length * acked;
		return { ok, acked, ackedRows, missing, wrongValues, unackedRows, examples };
	} finally {
		db.close();
	}
}

/**
 * The response id behind a respondent's token, read from the app's database.
 * @param {string} databasePath
 * @param {string} tokenHash
 */
function responseIdOf(databasePath, tokenHash) {
	const db = new Database(databasePath, { readonly: true, fileMustExist: true });
	try {
		const row = /** @type {{ id: number } | undefined} */ (
			db.prepare('SELECT id FROM responses WHERE token_hash = ?').get(tokenHash)
		);
		if (!row) throw new Error('De referentie-respondent staat niet in de database');
		return row.id;
	} finally {
		db.close();
	}
}

/**
 * The bare reference, in its own process (like the app): node:http plus better-sqlite3 with the
 * app's pragmas (synchronous as given), one upsert per POST. Started by bench.js with BARE_FLAG.
 * @param {string} databasePath
 * @param {SyncMode} synchronous
 */
function bareServer(databasePath, synchronous) {
	const db = new Database(databasePath);
	db.pragma('journal_mode = WAL');
	db.pragma(`synchronous = ${synchronous}`);
	const actual = db.pragma('synchronous', { simple: true });
	// 2 = FULL, 1 = NORMAL: refuse to measure something else than what is printed.
	if (actual !== (synchronous === 'FULL' ? 2 : 1)) {
		throw new Error(`synchronous = ${synchronous} niet ingesteld (gelezen: ${actual})`);
	}
	db.pragma('foreign_keys = ON');
	db.pragma('busy_timeout = 5000');
	db.exec(`CREATE TABLE IF NOT EXISTS answers (
		response_id INTEGER NOT NULL,
		item_id TEXT NOT NULL,
		value INTEGER,
		dont_know INTEGER NOT NULL DEFAULT 0,
		flagged INTEGER NOT NULL DEFAULT 0,
		PRIMARY KEY (response_id, item_id)
	)`);
	const upsert = db.prepare(
		`INSERT INTO answers (response_id, item_id, value, dont_know, flagged)
		 VALUES (?, ?, ?, 0, 0)
		 ON CONFLICT (response_id, item_id) DO UPDATE SET value = excluded.value, dont_know = 0, flagged = 0`
	);
	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		if (req.method !== 'POST' || url.pathname !== '/bench/upsert') {
			res.writeHead(404).end();
			return;
		}
		req.resume();
		req.on('end', () => {
			const responseId = Number(url.searchParams.get('response') || 1);
			const value = 1 + Math.floor(Math.random() * 3);
			upsert.run(responseId, url.searchParams.get('item') || 'bench-1', value);
			res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
		});
	});
	server.keepAliveTimeout = 30_000;
	server.listen(0, '127.0.0.1', () => {
		const address = server.address();
		process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
	});
	process.on('SIGTERM', () => {
		server.close();
		server.closeAllConnections();
		db.close();
		process.exit(0);
	});
}

/**
 * Starts the bare reference server in a child process, on a fresh database in the same temporary
 * directory as the app's (same file system, so the same cost of a sync); returns its port and a
 * stop function.
 * @param {SyncMode} synchronous
 */
async function startBareServer(synchronous) {
	const dir = mkdtempSync(join(tmpdir(), 'wijkspiegel-bare-'));
	const child = fork(
		fileURLToPath(import.meta.url),
		[BARE_FLAG, join(dir, 'bare.db'), synchronous],
		{ stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }
	);
	const exited = new Promise((resolve) => child.once('exit', resolve));
	const stop = onCleanup(async () => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			await exited;
		}
		rmSync(dir, { recursive: true, force: true });
	});
	try {
		const port = await new Promise((resolve, reject) => {
			child.once('message', (m) => resolve(/** @type {{ port: number }} */ (m).port));
			child.once('exit', (code) => reject(new Error(`Kale server stopte (exitcode ${code})`)));
		});
		return { port: /** @type {number} */ (port), stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

/** @param {RunFigures} f */
function printRun(f) {
	const failures = f.failures === null ? '' : `, JSON-failures ${f.failures}`;
	console.log(
		`  ${f.name}: ${fmt(f.rps)} req/s, p50 ${fmt(f.p50)} ms, p99 ${fmt(f.p99)} ms, ` +
			`${f.total} antwoorden, non-2xx ${f.non2xx}, fouten ${f.errors}${failures}`
	);
}

async function main() {
	const realisticSeconds = Number(process.env.BENCH_DURATION) || 30;
	const shortSeconds = Math.max(1, Math.round(realisticSeconds / 3));
	console.log(
		`Wijkspiegel bench: realistisch ${realisticSeconds} s, verzadiging en referenties ${shortSeconds} s`
	);

	const server = await startServer({ env: { WIJKSPIEGEL_BENCH: '1' } });
	/** @type {{ port: number, stop: () => Promise<void> } | undefined} */
	let bare;
	let lost = false;
	try {
		console.log(`Server draait op ${server.origin} (database ${server.databasePath})`);

		// 1. respondents
		const t0 = performance.now();
		/** @type {Respondent[]} */
		const respondents = [];
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
		for (let i = 0; i < RESPONDENTS; i++) {
			respondents.push({
				index: i,
				cookie: `${TOKEN_COOKIE}=${tokens[i]}`,
				tokenHash: hashToken(tokens[i]),
				acked: null,
				pending: [],
				successes: 0
			});
		}
		const referenceResponseId = responseIdOf(server.databasePath, hashToken(tokens[RESPONDENTS]));
		console.log(
			`${RESPONDENTS} respondenten (+1 voor de referentie) gestart in ${fmt(performance.now() - t0, 0)} ms`
		);

		// 2. realistic
		console.log(
			`\nRealistisch: ${RESPONDENTS} verbindingen, ${REALISTIC_RATE} opslagen/s, ${realisticSeconds} s...`
		);
		const realistic = await realisticRun(server, respondents, REALISTIC_RATE, realisticSeconds);
		printRun(realistic);

		// 3. saturation
		console.log(`\nVerzadiging: ${SATURATION_CONNECTIONS} verbindingen, ${shortSeconds} s...`);
		const saturation = await saturationRun(server, respondents, shortSeconds);
		printRun(saturation);

		// 5. nothing lost (before the references, which write into the same table)
		await sleep(1000); // requests cut off at the end of the run may still be in progress
		const check = checkAnswers(server.databasePath, respondents);
		console.log(
			`\nControle antwoorden: ${check.acked} respondenten met een bevestigde opslag, ` +
				`${check.ackedRows} rijen (verwacht ${ITEMS.length * check.acked}), ` +
				`${check.missing} onvolledig, ${check.wrongValues} met andere waarden dan bevestigd; ` +
				`${check.unackedRows} rijen van respondenten zonder bevestiging: ${check.ok ? 'OK' : 'FOUT'}`
		);
		for (const example of check.examples) console.log(`  ${example}`);
		lost = !check.ok;

		// 4a. the minimal SvelteKit endpoint
		const common = {
			connections: SATURATION_CONNECTIONS,
			duration: shortSeconds,
			method: /** @type {const} */ ('POST')
		};
		console.log(`\nReferentie SvelteKit-endpoint (/bench/upsert), ${shortSeconds} s...`);
		const probe = await fetch(`${server.base}/bench/upsert?response=${referenceResponseId}`, {
			method: 'POST',
			headers: { origin: server.origin }
		});
		if (probe.status !== 200) {
			throw new Error(`/bench/upsert antwoordde ${probe.status}: ${await probe.text()}`);
		}
		const kit = await cannon('referentie SvelteKit', {
			...common,
			url: `${server.base}/bench/upsert?response=${referenceResponseId}`,
			headers: { origin: server.origin }
		});
		printRun(kit);

		// 4b. the bare node:http server, with the app's synchronous=FULL and with NORMAL
		/** @type {Partial<Record<SyncMode, RunFigures>>} */
		const bareRuns = {};
		for (const mode of SYNC_MODES) {
			bare = await startBareServer(mode);
			console.log(
				`\nReferentie kale node:http + better-sqlite3, synchronous=${mode}, ${shortSeconds} s...`
			);
			bareRuns[mode] = await cannon(`referentie kaal ${mode}`, {
				...common,
				url: `http://127.0.0.1:${bare.port}/bench/upsert?response=1`
			});
			printRun(bareRuns[mode]);
			await bare.stop();
			bare = undefined;
		}
		const bareFull = /** @type {RunFigures} */ (bareRuns.FULL);
		const bareNormal = /** @type {RunFigures} */ (bareRuns.NORMAL);

		// summary
		const kitRatio = saturation.rps / kit.rps;
		const bareRatio = saturation.rps / bareFull.rps;
		/** @param {string} s @param {number} w */
		const pad = (s, w) => s.padEnd(w);
		/** @param {string} s @param {number} w */
		const lpad = (s, w) => s.padStart(w);
		console.log('\nSamenvatting');
		console.log(
			`  ${pad('meting', 22)}${lpad('req/s', 9)}${lpad('p50 ms', 9)}${lpad('p99 ms', 9)}` +
				`${lpad('non-2xx', 9)}${lpad('fouten', 8)}${lpad('failures', 10)}`
		);
		for (const f of [realistic, saturation, kit, bareFull, bareNormal]) {
			console.log(
				`  ${pad(f.name, 22)}${lpad(fmt(f.rps), 9)}${lpad(fmt(f.p50), 9)}${lpad(fmt(f.p99), 9)}` +
					`${lpad(String(f.non2xx), 9)}${lpad(String(f.errors), 8)}` +
					`${lpad(f.failures === null ? '-' : String(f.failures), 10)}`
			);
		}
		const mark = (/** @type {boolean} */ ok) => (ok ? 'gehaald' : 'NIET gehaald');
		console.log(
			`  realistische p99 ${fmt(realistic.p99)} ms (doel <= ${TARGET_P99_MS} ms): ` +
				mark(realistic.p99 <= TARGET_P99_MS)
		);
		console.log(
			`  verzadiging = ${fmt(kitRatio * 100, 0)}% van de SvelteKit-referentie ` +
				`(doel >= ${TARGET_RATIO * 100}%): ${mark(kitRatio >= TARGET_RATIO)}`
		);
		console.log(`  verzadiging = ${fmt(bareRatio * 100, 0)}% van de kale referentie (FULL)`);
		// What durability costs: the same bare server, only the sync after every commit differs.
		const durabilityCost = 1 - bareFull.rps / bareNormal.rps;
		console.log(
			`  synchronous FULL ${fmt(bareFull.rps)} req/s (p99 ${fmt(bareFull.p99)} ms) vs ` +
				`NORMAL ${fmt(bareNormal.rps)} req/s (p99 ${fmt(bareNormal.p99)} ms): ` +
				`FULL kost ${fmt(durabilityCost * 100, 0)}% doorvoer t.o.v. NORMAL` +
				(durabilityCost < 0 ? ' (FULL was sneller: ruis van een drukke machine)' : '')
		);
		console.log(`  geen antwoorden verloren: ${check.ok ? 'OK' : 'FOUT'}`);
		// Other work on the machine (builds, tests) lowers every figure above; this shows it.
		console.log(
			`  load average (1/5 min): ${loadavg()
				.slice(0, 2)
				.map((n) => n.toFixed(2))
				.join(' / ')}`
		);
	} finally {
		await bare?.stop();
		await server.stop();
	}
	if (lost) process.exitCode = 1;
}

if (process.argv.includes(BARE_FLAG)) {
	const at = process.argv.indexOf(BARE_FLAG);
	const mode = process.argv[at + 2];
	if (mode !== 'FULL' && mode !== 'NORMAL') throw new Error(`Onbekende synchronous: ${mode}`);
	bareServer(process.argv[at + 1], mode);
} else if (process.argv.includes('--compare')) {
	const at = process.argv.indexOf('--compare');
	runCompareBench(process.argv[at + 1]).then(
		(ok) => {
			if (!ok) process.exitCode = 1;
		},
		(error) => {
			console.error(`\nBench afgebroken: ${error instanceof Error ? error.stack : error}`);
			process.exit(1);
		}
	);
} else if (SOAK) {
	runSoak().then(
		(ok) => {
			if (!ok) process.exitCode = 1;
		},
		(error) => {
			console.error(`\nSoak afgebroken: ${error instanceof Error ? error.stack : error}`);
			process.exit(1);
		}
	);
} else {
	main().catch((error) => {
		console.error(`\nBench afgebroken: ${error instanceof Error ? error.stack : error}`);
		process.exit(1);
	});
}
