// Shared by `npm run bench` and `npm run size`: start the production server (scripts/start.js,
// which builds first when the build is not current) on a fresh temporary database, and stop it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The demo session seeded by SEED_DEMO, with its cookie name and questionnaire page 1. */
export const DEMO_CODE = 'DEMO26';
export const TOKEN_COOKIE = 'wijkspiegel_deelnemer';

/** Where `npm run bench:data` writes the large dataset, and the gemeente `--compare` measures. */
export const BENCH_DATA_PATH = join(tmpdir(), 'wijkspiegel-bench-data', 'wijkspiegel.db');
export const BIG_GEMEENTE = 'Grootstad';

/**
 * @typedef {object} RunningServer
 * @property {string} origin e.g. http://localhost:4300: the ORIGIN the app knows, for headers
 * @property {string} base e.g. http://127.0.0.1:4300: where to connect (no IPv6 lookup surprises)
 * @property {number} port
 * @property {number} pid the server's process (scripts/start.js serves in-process), for its memory
 * @property {string} dataDir the temporary directory holding the database
 * @property {string} databasePath
 * @property {() => string} output everything the server printed so far
 * @property {() => Promise<void>} stop SIGTERM, wait for the exit, remove the temp directory (if fresh)
 */

/** @param {number} port */
function portIsFree(port) {
	return new Promise((resolve) => {
		const probe = createServer();
		probe.once('error', () => resolve(false));
		probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
			probe.close(() => resolve(true));
		});
	});
}

/**
 * The first free port in [from, to]; ports are checked on 127.0.0.1, where the server listens too.
 * @param {number} from
 * @param {number} to
 */
export async function freePort(from = 4300, to = 4399) {
	for (let port = from; port <= to; port++) {
		if (await portIsFree(port)) return port;
	}
	throw new Error(`Geen vrije poort tussen ${from} en ${to}`);
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @type {Set<() => Promise<void>>} */
const cleanups = new Set();
let signalsHandled = false;

/** On Ctrl-C or SIGTERM: run the registered clean-ups (stop servers, remove temp dirs), then exit. */
function handleSignals() {
	if (signalsHandled) return;
	signalsHandled = true;
	let exiting = false;
	for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
		process.on(signal, async () => {
			if (exiting) return;
			exiting = true;
			console.error(`\n${signal}: opruimen...`);
			await Promise.allSettled([...cleanups].map((fn) => fn()));
			process.exit(130);
		});
	}
}

/**
 * Registers a clean-up that runs on Ctrl-C / SIGTERM as well; returns a function that runs it once
 * and deregisters it.
 * @param {() => Promise<void> | void} fn
 */
export function onCleanup(fn) {
	handleSignals();
	let done = false;
	const once = async () => {
		if (done) return;
		done = true;
		cleanups.delete(once);
		await fn();
	};
	cleanups.add(once);
	return once;
}

/**
 * Starts `node scripts/start.js` with a fresh database in a temp directory and waits until
 * GET /healthz answers 200.
 * @param {object} [options]
 * @param {number} [options.port] default: the first free port in 4300-4399
 * @param {Record<string, string>} [options.env] extra environment variables
 * @param {boolean} [options.verbose] pass the server's output through (the build output always is)
 * @param {number} [options.timeoutMs] how long the build and start may take
 * @param {string} [options.databasePath] an existing database to use (and keep) instead of a fresh one
 * @param {string[]} [options.nodeArgs] extra options for the server's node; BENCH_CPU_PROF=DIR adds
 *   --cpu-prof into DIR (a profile per run, written when the server stops)
 * @returns {Promise<RunningServer>}
 */
export async function startServer(options = {}) {
	const port = options.port ?? (await freePort());
	const origin = `http://localhost:${port}`;
	const base = `http://127.0.0.1:${port}`;
	const keepData = options.databasePath !== undefined;
	const dataDir = keepData
		? dirname(/** @type {string} */ (options.databasePath))
		: mkdtempSync(join(tmpdir(), 'wijkspiegel-bench-'));
	const databasePath = options.databasePath ?? join(dataDir, 'wijkspiegel.db');
	let output = '';
	const profile = process.env.BENCH_CPU_PROF
		? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
		: [];
	const nodeArgs = [...profile, ...(options.nodeArgs ?? [])];
	const child = spawn(process.execPath, [...nodeArgs, join(root, 'scripts', 'start.js')], {
		cwd: root,
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATABASE_PATH: databasePath,
			ADMIN_PASSWORD: process.env.ADMIN_PASSWORD || 'bench-beheer-wachtwoord',
			// Hundreds of simulated respondents share the loopback address.
			START_RATE_LIMIT: '100000',
			SEED_DEMO: 'true',
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	/** @type {number | null | undefined} */
	let exitCode;
	const exited = new Promise((resolve) => {
		child.once('exit', (code, signal) => {
			exitCode = code ?? (signal ? -1 : 0);
			resolve(undefined);
		});
	});
	let ready = false;
	let partial = '';
	/** @param {Buffer} chunk */
	const collect = (chunk) => {
		const text = chunk.toString();
		output += text;
		// Build output (before the server is ready) is worth seeing: a build takes a while.
		const lines = (partial + text).split('\n');
		partial = lines.pop() ?? '';
		if (options.verbose || !ready) {
			for (const line of lines) process.stderr.write(`  [server] ${line}\n`);
		}
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);

	const stop = onCleanup(async () => {
		if (exitCode === undefined) {
			child.kill('SIGTERM');
			const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
			await exited;
			clearTimeout(killer);
		}
		if (!keepData) rmSync(dataDir, { recursive: true, force: true });
	});

	const deadline = Date.now() + (options.timeoutMs ?? 300_000);
	try {
		for (;;) {
			if (exitCode !== undefined) {
				throw new Error(`De server stopte voortijdig (exitcode ${exitCode}):\n${output}`);
			}
			if (Date.now() > deadline) throw new Error(`De server werd niet gezond binnen de tijd`);
			try {
				const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) });
				await res.arrayBuffer();
				if (res.status === 200) break;
			} catch {
				// not listening yet
			}
			await sleep(250);
		}
	} catch (error) {
		await stop();
		throw error;
	}
	ready = true;
	return {
		origin,
		base,
		port,
		pid: /** @type {number} */ (child.pid),
		dataDir,
		databasePath,
		output: () => output,
		stop
	};
}

/**
 * Starts a response in the demo session like the start page's form does, and returns the
 * respondent's cookie token (the redirect is not followed).
 * @param {{ origin: string, base: string }} server
 * @returns {Promise<string>}
 */
export async function startRespondent({ origin, base }) {
	const res = await fetch(`${base}/s/${DEMO_CODE}?/start`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: ''
	});
	await res.arrayBuffer();
	const cookie = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => c.startsWith(`${TOKEN_COOKIE}=`));
	if (res.status !== 303 || !cookie) {
		throw new Error(`Starten van een respondent mislukte: HTTP ${res.status}, geen cookie`);
	}
	return cookie.slice(TOKEN_COOKIE.length + 1);
}
