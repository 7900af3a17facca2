// The load generators of the save bench (scripts/lib/save-bench.js): open-loop "realistic" load
// over one keep-alive connection per respondent, and closed-loop saturation with autocannon. Each
// save's outcome is recorded per respondent, so the bench can check afterwards that the database
// holds every acknowledged answer.
import { createRequire } from 'node:module';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile } from './bench-stats.js';
import { DEMO_CODE, sleep } from './server.js';

/**
 * The parts of autocannon (no type declarations ship with it) the benches use.
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
 *   body?: string,
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

export const ITEMS = ['ps-1', 'ps-2', 'ps-3', 'ps-4'];
export const SAVE_PATH = `/s/${DEMO_CODE}/1`;
export const SATURATION_CONNECTIONS = 50;

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
export function save(server, respondent, agent) {
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
export async function realisticRun(server, respondents, rate, seconds) {
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
export async function cannon(name, options, saveCounter = null) {
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
export function saturationRun(server, respondents, seconds) {
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
