// `npm run bench -- --soak` (or BENCH_SOAK=1): 500 respondents fill in the whole questionnaire of
// the demo session at the same time, like people: start, every page with "Volgende" in order with a
// short think time in between, then submit. Afterwards the database must hold 500 submitted
// responses, each with one answer row per statement, holding the values that were sent.
//
// Exit code 1 when a request failed, the run took longer than the limit or the database check fails.
import Database from 'better-sqlite3';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { fmt, hashToken, loadLine, mb, percentile, watchPeakRss } from './bench-stats.js';
import { DEMO_CODE, TOKEN_COOKIE, sleep, startServer } from './server.js';

const RESPONDENTS = 500;
/** Think time before every request, uniformly 0..THINK_MS: the arrivals spread out the same way. */
const THINK_MS = 200;
/** After this the respondents stop sending; what is missing then is reported as not completed. */
const LIMIT_MS = 5 * 60_000;
/**
 * A person waits a while for a page (a browser far longer); 10 s proved too short for the burst of
 * 500 starts within 0.2 s on a busy 2-core machine, where the last starts queue for seconds.
 */
const REQUEST_TIMEOUT_MS = 30_000;
/** Share of "weet ik niet" answers, when the scale has that option. */
const DONT_KNOW_SHARE = 0.05;
const DONT_KNOW = 'weet-niet';

/**
 * The parts of a stored questionnaire definition this script uses.
 * @typedef {{ id: string, items: { id: string }[] }} Dimension
 * @typedef {{ scale: { points: { value: number }[], dontKnow?: string }, dimensions: Dimension[] }} Definition
 */

/** @typedef {'start' | 'opslaan' | 'versturen'} Kind */

/**
 * @typedef {object} Reply
 * @property {number} status
 * @property {string} body
 * @property {string[]} setCookie
 */

/**
 * @typedef {object} Tally
 * @property {Record<Kind, number[]>} latencies ms per completed request
 * @property {number} requests requests that got a complete HTTP response
 * @property {number} non2xx
 * @property {number} failures 2xx responses whose JSON was not the expected redirect
 * @property {number} networkErrors connection errors and timeouts
 * @property {string[]} examples the first few errors, to print
 */

/**
 * What one respondent sent: per item the form value ('1'..'n' or 'weet-niet').
 * @typedef {object} Sent
 * @property {string} tokenHash
 * @property {Map<string, string>} values
 * @property {boolean} completed the submit was acknowledged
 */

const think = () => sleep(Math.random() * THINK_MS);

/**
 * One POST over the respondent's own keep-alive connection, as the page's enhanced form sends it
 * (JSON action results).
 * @param {{ origin: string, port: number }} server
 * @param {http.Agent} agent
 * @param {string} path
 * @param {string} body urlencoded
 * @param {string} [cookie]
 * @returns {Promise<Reply>}
 */
function post(server, agent, path, body, cookie) {
	/** @type {Record<string, string | number>} */
	const headers = {
		origin: server.origin,
		'x-sveltekit-action': 'true',
		accept: 'application/json',
		'content-type': 'application/x-www-form-urlencoded',
		'content-length': Buffer.byteLength(body)
	};
	if (cookie) headers.cookie = cookie;
	return new Promise((resolve, reject) => {
		const req = http.request(
			{ host: '127.0.0.1', port: server.port, method: 'POST', path, agent, headers },
			(res) => {
				/** @type {Buffer[]} */
				const chunks = [];
				res.on('data', (chunk) => chunks.push(chunk));
				res.on('error', reject);
				res.on('end', () => {
					const setCookie = res.headers['set-cookie'] ?? [];
					resolve({
						status: res.statusCode ?? 0,
						body: Buffer.concat(chunks).toString(),
						setCookie
					});
				});
			}
		);
		req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('timeout')));
		req.on('error', reject);
		req.end(body);
	});
}

/**
 * Sends one request, records its latency and outcome; returns the reply when it was the expected
 * redirect to `location`, otherwise null (the error is counted).
 * @param {Tally} tally
 * @param {Kind} kind
 * @param {string} expected the redirect location the action answers with on success
 * @param {() => Promise<Reply>} send
 */
async function expectRedirect(tally, kind, expected, send) {
	const t = performance.now();
	/** @type {Reply} */
	let reply;
	try {
		reply = await send();
	} catch (error) {
		tally.networkErrors++;
		note(tally, `${kind}: ${error instanceof Error ? error.message : error}`);
		return null;
	}
	tally.latencies[kind].push(performance.now() - t);
	tally.requests++;
	if (reply.status < 200 || reply.status > 299) {
		tally.non2xx++;
		note(tally, `${kind}: HTTP ${reply.status} ${reply.body.slice(0, 160)}`);
		return null;
	}
	/** @type {{ type?: string, location?: string }} */
	let result = {};
	try {
		result = JSON.parse(reply.body);
	} catch {
		// counted below
	}
	if (result.type !== 'redirect' || result.location !== expected) {
		tally.failures++;
		note(tally, `${kind}: ${reply.body.slice(0, 160)}`);
		return null;
	}
	return reply;
}

/**
 * @param {Tally} tally
 * @param {string} message
 */
function note(tally, message) {
	if (tally.examples.length < 5) tally.examples.push(message);
}

/**
 * The form of one page: every statement answered (now and then "weet ik niet"), "Volgende".
 * @param {Definition} definition
 * @param {Dimension} dimension
 * @param {Map<string, string>} values filled in with what is sent
 */
function pageBody(definition, dimension, values) {
	const points = definition.scale.points;
	const fields = dimension.items.map((item) => {
		const value =
			definition.scale.dontKnow && Math.random() < DONT_KNOW_SHARE
				? DONT_KNOW
				: String(points[Math.floor(Math.random() * points.length)].value);
		values.set(item.id, value);
		return `antwoord-${encodeURIComponent(item.id)}=${value}`;
	});
	return [...fields, 'naar=volgende'].join('&');
}

/**
 * One respondent from start to submit; stops at the first error or when the run is stopped.
 * @param {{ origin: string, port: number }} server
 * @param {Definition} definition
 * @param {Tally} tally
 * @param {{ stopped: boolean }} run
 * @returns {Promise<Sent | null>} null when the start failed
 */
async function respondent(server, definition, tally, run) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	const root = `/s/${DEMO_CODE}`;
	try {
		await think(); // arrivals spread out a little too
		if (run.stopped) return null;
		const started = await expectRedirect(tally, 'start', `${root}/1`, () =>
			post(server, agent, `${root}?/start`, '')
		);
		if (!started) return null;
		const token = started.setCookie
			.map((c) => c.split(';')[0])
			.find((c) => c.startsWith(`${TOKEN_COOKIE}=`))
			?.slice(TOKEN_COOKIE.length + 1);
		if (!token) {
			tally.failures++;
			note(tally, 'start: geen cookie');
			return null;
		}
		const cookie = `${TOKEN_COOKIE}=${token}`;
		/** @type {Sent} */
		const sent = { tokenHash: hashToken(token), values: new Map(), completed: false };
		const pages = definition.dimensions.length;
		for (let step = 1; step <= pages; step++) {
			await think();
			if (run.stopped) return sent;
			const next = step < pages ? `${root}/${step + 1}` : `${root}/controleren`;
			const body = pageBody(definition, definition.dimensions[step - 1], sent.values);
			const ok = await expectRedirect(tally, 'opslaan', next, () =>
				post(server, agent, `${root}/${step}`, body, cookie)
			);
			if (!ok) return sent;
		}
		await think();
		if (run.stopped) return sent;
		const ok = await expectRedirect(tally, 'versturen', `${root}/klaar`, () =>
			post(server, agent, `${root}/controleren`, '', cookie)
		);
		sent.completed = ok !== null;
		return sent;
	} finally {
		agent.destroy();
	}
}

/**
 * The demo session's questionnaire, as the running app stored it.
 * @param {string} databasePath
 */
function readQuestionnaire(databasePath) {
	const db = new Database(databasePath, { readonly: true, fileMustExist: true });
	try {
		const row =
			/** @type {{ questionnaireId: string, version: number, definition: string } | undefined} */ (
				db
					.prepare(
						`SELECT qv.questionnaire_id AS questionnaireId, qv.version AS version,
						        qv.definition AS definition
						 FROM sessions s JOIN questionnaire_versions qv ON qv.id = s.questionnaire_version_id
						 WHERE s.join_code = ?`
					)
					.get(DEMO_CODE)
			);
		if (!row) throw new Error(`Sessie ${DEMO_CODE} of haar vragenlijst staat niet in de database`);
		return {
			questionnaireId: row.questionnaireId,
			version: row.version,
			definition: /** @type {Definition} */ (JSON.parse(row.definition))
		};
	} finally {
		db.close();
	}
}

/**
 * Every completed respondent must have a submitted response with exactly one answer row per
 * statement, holding what was sent; the session holds no other submitted responses.
 * @param {string} databasePath
 * @param {Definition} definition
 * @param {Sent[]} sent
 */
function checkDatabase(databasePath, definition, sent) {
	const items = definition.dimensions.flatMap((d) => d.items.map((i) => i.id));
	const db = new Database(databasePath, { readonly: true, fileMustExist: true });
	try {
		const responses = /** @type {{ id: number, hash: string, submittedAt: number | null }[]} */ (
			db
				.prepare(
					`SELECT r.id AS id, r.token_hash AS hash, r.submitted_at AS submittedAt
					 FROM responses r JOIN sessions s ON s.id = r.session_id WHERE s.join_code = ?`
				)
				.all(DEMO_CODE)
		);
		const answers =
			/** @type {{ id: number, item: string, value: number | null, dk: number }[]} */ (
				db
					.prepare(
						`SELECT a.response_id AS id, a.item_id AS item, a.value AS value, a.dont_know AS dk
					 FROM answers a JOIN responses r ON r.id = a.response_id
					 JOIN sessions s ON s.id = r.session_id WHERE s.join_code = ?`
					)
					.all(DEMO_CODE)
			);
		/** @type {Map<number, Map<string, string>>} */
		const stored = new Map();
		for (const a of answers) {
			const row = stored.get(a.id) ?? new Map();
			row.set(a.item, a.dk ? DONT_KNOW : String(a.value));
			stored.set(a.id, row);
		}
		const byHash = new Map(responses.map((r) => [r.hash, r]));
		const submitted = responses.filter((r) => r.submittedAt !== null).length;
		let ours = 0;
		let wrongCount = 0;
		let wrongValues = 0;
		/** @type {string[]} */
		const examples = [];
		for (const s of sent) {
			const response = byHash.get(s.tokenHash);
			if (!response || response.submittedAt === null) continue;
			ours++;
			const rows = stored.get(response.id) ?? new Map();
			if (rows.size !== items.length) {
				wrongCount++;
				if (examples.length < 3) examples.push(`response ${response.id}: ${rows.size} rijen`);
				continue;
			}
			const differs = items.find((item) => rows.get(item) !== s.values.get(item));
			if (differs) {
				wrongValues++;
				if (examples.length < 3) {
					examples.push(
						`response ${response.id}, ${differs}: opgeslagen ${rows.get(differs)}, ` +
							`verstuurd ${s.values.get(differs)}`
					);
				}
			}
		}
		return { items: items.length, submitted, ours, wrongCount, wrongValues, examples };
	} finally {
		db.close();
	}
}

/** Runs the soak on a fresh server; returns true when every check passed. */
export async function runSoak() {
	console.log(
		`Wijkspiegel soak: ${RESPONDENTS} respondenten vullen tegelijk de hele vragenlijst in ` +
			`(denktijd 0-${THINK_MS} ms per pagina, grens ${LIMIT_MS / 60_000} min)`
	);
	console.log(loadLine());
	const server = await startServer();
	try {
		console.log(`Server draait op ${server.origin} (database ${server.databasePath})`);
		const { questionnaireId, version, definition } = readQuestionnaire(server.databasePath);
		const itemCount = definition.dimensions.reduce((n, d) => n + d.items.length, 0);
		const perRespondent = definition.dimensions.length + 2;
		console.log(
			`Vragenlijst ${questionnaireId} v${version}: ${definition.dimensions.length} pagina's, ` +
				`${itemCount} stellingen; ${perRespondent} verzoeken per respondent`
		);
		if (questionnaireId !== 'takenprofiel') {
			console.log(`  let op: sessie ${DEMO_CODE} gebruikt ${questionnaireId}, niet takenprofiel`);
		}

		/** @type {Tally} */
		const tally = {
			latencies: { start: [], opslaan: [], versturen: [] },
			requests: 0,
			non2xx: 0,
			failures: 0,
			networkErrors: 0,
			examples: []
		};
		const run = { stopped: false };
		const memory = watchPeakRss(server.pid);
		const t0 = performance.now();
		const limit = setTimeout(() => (run.stopped = true), LIMIT_MS);
		/** @type {(Sent | null)[]} */
		let results;
		try {
			results = await Promise.all(
				Array.from({ length: RESPONDENTS }, () => respondent(server, definition, tally, run))
			);
		} finally {
			clearTimeout(limit);
		}
		const wall = (performance.now() - t0) / 1000;
		const peakRss = memory.stop();
		const sent = /** @type {Sent[]} */ (results.filter((r) => r !== null));
		const completed = sent.filter((s) => s.completed).length;
		const all = Object.values(tally.latencies)
			.flat()
			.sort((a, b) => a - b);
		const errors = tally.non2xx + tally.failures + tally.networkErrors;

		console.log('\nSoak');
		console.log(
			`  respondenten klaar: ${completed} van ${RESPONDENTS}` +
				(run.stopped ? ` (gestopt na ${LIMIT_MS / 60_000} min)` : '')
		);
		console.log(
			`  verzoeken: ${tally.requests} (verwacht ${RESPONDENTS * perRespondent}), ` +
				`${fmt(tally.requests / wall)} req/s`
		);
		console.log(
			`  latentie per verzoek: p50 ${fmt(percentile(all, 0.5))} ms, p99 ${fmt(percentile(all, 0.99))} ms`
		);
		for (const [kind, list] of Object.entries(tally.latencies)) {
			list.sort((a, b) => a - b);
			console.log(
				`    ${kind.padEnd(10)} ${String(list.length).padStart(5)} verzoeken, ` +
					`p50 ${fmt(percentile(list, 0.5))} ms, p99 ${fmt(percentile(list, 0.99))} ms`
			);
		}
		console.log(
			`  fouten: ${errors} (non-2xx ${tally.non2xx}, JSON-failures ${tally.failures}, ` +
				`netwerkfouten ${tally.networkErrors})`
		);
		for (const example of tally.examples) console.log(`    ${example}`);
		console.log(`  wandkloktijd: ${fmt(wall, 2)} s`);

		const check = checkDatabase(server.databasePath, definition, sent);
		const submittedOk = check.ours === RESPONDENTS && check.submitted === RESPONDENTS;
		const rowsOk = check.wrongCount === 0 && check.wrongValues === 0 && check.ours > 0;
		const mark = (/** @type {boolean} */ ok) => (ok ? 'OK' : 'FOUT');
		console.log('\nControle database');
		console.log(
			`  verstuurde responses: ${check.ours} van deze run, ${check.submitted} in de sessie ` +
				`(verwacht ${RESPONDENTS}): ${mark(submittedOk)}`
		);
		console.log(
			`  antwoordrijen: ${check.wrongCount} responses zonder precies ${check.items} rijen, ` +
				`${check.wrongValues} met andere waarden dan verstuurd: ${mark(rowsOk)}`
		);
		for (const example of check.examples) console.log(`    ${example}`);
		const runOk = completed === RESPONDENTS && errors === 0 && !run.stopped;
		console.log(`  soak zonder fouten binnen de tijd: ${mark(runOk)}`);
		// Other work on the machine (builds, tests) lowers every figure above; this shows it.
		console.log(`  piek-RSS van de server tijdens de soak: ${mb(peakRss)}`);
		console.log(`  ${loadLine()}`);
		return runOk && submittedOk && rowsOk;
	} finally {
		await server.stop();
	}
}
