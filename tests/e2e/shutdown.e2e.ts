import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Runs the production build (made by the suite's web server) as a separate process, so it can be
// sent SIGTERM in the middle of saving, as a process manager does on a deploy or restart.
// adapter-node then stops listening, lets requests it already received finish (for at most
// SHUTDOWN_TIMEOUT seconds, 30 by default), emits 'sveltekit:shutdown' (the app closes the
// database) and leaves the process to exit once nothing is left to do.
const root = join(import.meta.dirname, '..', '..');
const SAVE_ROUTE = '/s/[code]/[step=step]';

/** A port in 4900-4989 (crash.e2e.ts uses 4000-4899) that nothing listens on right now. */
async function freePort(): Promise<number> {
	for (let attempt = 0; attempt < 20; attempt++) {
		const port = 4900 + Math.floor(Math.random() * 90);
		const probe = createServer();
		const free = await new Promise<boolean>((resolve) => {
			probe.once('error', () => resolve(false));
			probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
		});
		if (free) return port;
	}
	throw new Error('no free port in 4900-4989');
}

interface Server {
	process: ChildProcess;
	/** Everything the server wrote so far: its JSON request log and any errors. */
	stdout: string[];
	stderr: string[];
	/** Resolves when the process has exited and its output is complete. */
	closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startServer(port: number, databasePath: string): Server {
	const child = spawn(process.execPath, [join(root, 'build', 'index.js')], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://localhost:${port}`,
			DATABASE_PATH: databasePath,
			ADMIN_PASSWORD: 'shutdown-test-wachtwoord',
			ADDRESS_HEADER: '',
			LOG_LEVEL: 'info',
			// Starts the daily retention purge timer, which must not keep a stopping process alive.
			RETENTION_MONTHS: '120'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const stdout: string[] = [];
	const stderr: string[] = [];
	child.stdout!.setEncoding('utf8').on('data', (chunk: string) => stdout.push(chunk));
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
	const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.once('close', (code, signal) => resolve({ code, signal }))
	);
	return { process: child, stdout, stderr, closed };
}

async function waitForHealth(port: number, server: Server): Promise<void> {
	for (let i = 0; i < 200 && server.process.exitCode === null; i++) {
		try {
			if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`server did not become healthy: ${server.stderr.join('')}`);
}

/** Whether a fresh TCP connection to the port is refused (nothing listens any more). */
function connectionRefused(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolve(false);
		});
		socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
	});
}

function timeout(ms: number, what: string): Promise<never> {
	return new Promise((_, reject) =>
		setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms).unref()
	);
}

/** The item ids on each page of the demo questionnaire. */
function pagesOf(databasePath: string): string[][] {
	const db = new Database(databasePath, { readonly: true });
	try {
		const definition = JSON.parse(
			db
				.prepare(
					"SELECT definition FROM questionnaire_versions WHERE questionnaire_id = 'takenprofiel'"
				)
				.pluck()
				.get() as string
		) as { dimensions: { items: { id: string }[] }[] };
		return definition.dimensions.map((d) => d.items.map((i) => i.id));
	} finally {
		// Closed before the shutdown: an open reader would keep the server from removing the WAL.
		db.close();
	}
}

async function startRespondent(port: number): Promise<string> {
	const response = await fetch(`http://127.0.0.1:${port}/s/DEMO26?/start`, {
		method: 'POST',
		headers: {
			origin: `http://localhost:${port}`,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: '',
		redirect: 'manual'
	});
	return response.headers.get('set-cookie')!.match(/wijkspiegel_deelnemer=([^;]+)/)![1];
}

/**
 * A save whose headers the server has received (Node answers "100 Continue" as it emits the
 * request) but whose body is held back until release(): a request that is certainly in flight.
 */
async function heldSave(port: number, cookie: string, values: (readonly [string, number])[]) {
	const body = new URLSearchParams([
		...values.map(([k, v]) => [`antwoord-${k}`, String(v)]),
		['naar', 'blijf']
	]).toString();
	const req: ClientRequest = request({
		host: '127.0.0.1',
		port,
		method: 'POST',
		path: '/s/DEMO26/1',
		agent: false,
		headers: {
			origin: `http://localhost:${port}`,
			cookie: `wijkspiegel_deelnemer=${cookie}`,
			'x-sveltekit-action': 'true',
			'content-type': 'application/x-www-form-urlencoded',
			'content-length': Buffer.byteLength(body),
			expect: '100-continue'
		}
	});
	const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
		req.once('error', reject);
		req.once('response', (res: IncomingMessage) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (chunk: string) => (text += chunk));
			res.once('end', () => resolve({ status: res.statusCode!, body: text }));
			res.once('error', reject);
		});
	}).catch((error: Error) => ({ status: 0, body: `no response: ${error.message}` }));
	req.flushHeaders();
	await Promise.race([once(req, 'continue'), timeout(10_000, '100 Continue')]);
	return {
		cookie,
		values,
		release: () => {
			req.end(body);
			return response;
		}
	};
}

test('SIGTERM while 20 respondents save lets every accepted request finish, refuses new connections, exits with 0 and closes the database cleanly', async () => {
	test.setTimeout(60_000);
	const port = await freePort();
	const origin = `http://localhost:${port}`;
	const dir = mkdtempSync(join(tmpdir(), 'wijkspiegel-shutdown-'));
	const databasePath = join(dir, 'shutdown.db');
	const server = startServer(port, databasePath);
	try {
		await waitForHealth(port, server);
		const pages = pagesOf(databasePath);

		const respondents = await Promise.all(
			Array.from({ length: 20 }, async () => ({
				cookie: await startRespondent(port),
				acknowledged: new Map<string, number>(),
				attempted: new Map<string, Set<number>>(),
				inFlight: false
			}))
		);

		// Every save's outcome: a complete response (and whether it said "saved"), or a failure.
		const outcomes: { kind: 'response' | 'failure'; status?: number; saved?: boolean }[] = [];
		let stopping = false;
		const saving = respondents.map(async (respondent, r) => {
			for (let round = 0; !stopping; round++) {
				const step = (r + round) % pages.length;
				const values = pages[step].map((itemId, i) => [itemId, 1 + ((r + round + i) % 3)] as const);
				for (const [itemId, value] of values) {
					const set = respondent.attempted.get(itemId) ?? new Set<number>();
					set.add(value);
					respondent.attempted.set(itemId, set);
				}
				respondent.inFlight = true;
				try {
					const response = await fetch(`http://127.0.0.1:${port}/s/DEMO26/${step + 1}`, {
						method: 'POST',
						headers: {
							origin,
							cookie: `wijkspiegel_deelnemer=${respondent.cookie}`,
							'x-sveltekit-action': 'true',
							'content-type': 'application/x-www-form-urlencoded'
						},
						body: new URLSearchParams([
							...values.map(([k, v]) => [`antwoord-${k}`, String(v)]),
							['naar', 'blijf']
						])
					});
					const body = await response.text();
					const saved = response.ok && body.includes('"type":"success"');
					outcomes.push({ kind: 'response', status: response.status, saved });
					if (saved) {
						// Acknowledged: from now on these values (or a later attempt) must be on disk.
						for (const [itemId, value] of values) {
							respondent.acknowledged.set(itemId, value);
							respondent.attempted.set(itemId, new Set([value]));
						}
					}
				} catch {
					// Only acceptable for a request the server never received; checked against its log.
					outcomes.push({ kind: 'failure' });
					return;
				} finally {
					respondent.inFlight = false;
				}
			}
		});

		await new Promise((r) => setTimeout(r, 1000));

		// Three more respondents each have a save the server has certainly received, body pending.
		const held = await Promise.all(
			[0, 1, 2].map(async (h) =>
				heldSave(
					port,
					await startRespondent(port),
					pages[0].map((itemId, i) => [itemId, 1 + ((h + i) % 3)] as const)
				)
			)
		);

		// The saves went through the WAL, so its absence afterwards shows the close checkpointed it.
		const wal = `${databasePath}-wal`;
		expect(statSync(wal).size).toBeGreaterThan(0);

		const inFlightAtSigterm = respondents.filter((r) => r.inFlight).length;
		stopping = true;
		const signalledAt = performance.now();
		server.process.kill('SIGTERM');
		await Promise.all(saving);

		// Still running (the held saves are not finished), but no longer taking connections.
		await expect.poll(() => connectionRefused(port), { timeout: 3000 }).toBe(true);
		expect(server.process.exitCode).toBeNull();
		expect(server.process.signalCode).toBeNull();

		const heldResponses = await Promise.all(held.map((h) => h.release()));
		const releasedAt = performance.now();
		for (const response of heldResponses) {
			expect(response).toEqual({ status: 200, body: expect.stringContaining('"type":"success"') });
		}

		const exit = await Promise.race([server.closed, timeout(5000, 'exit after SIGTERM')]);
		const exitedAt = performance.now();
		expect(exit).toEqual({ code: 0, signal: null });

		// Every response the respondents got was a complete, normal "saved".
		const responses = outcomes.filter((o) => o.kind === 'response');
		expect(responses.filter((o) => !o.saved)).toEqual([]);
		// Every save the server handled reached its respondent: a failed request was one the server
		// never received (its connection was refused or closed before the request was read).
		const logged = server.stdout
			.join('')
			.split('\n')
			.filter((line) => line.startsWith('{'))
			.map((line) => JSON.parse(line) as { message: string; method?: string; route?: string })
			.filter((l) => l.message === 'request' && l.method === 'POST' && l.route === SAVE_ROUTE);
		expect(logged.length).toBe(responses.length + heldResponses.length);
		// Nothing went wrong on the server's side, e.g. a request that found the database closed.
		expect(server.stderr.join('')).toBe('');
		// The app closed its database itself, after the last request.
		const lines = server.stdout
			.join('')
			.split('\n')
			.filter((line) => line.startsWith('{'));
		expect(JSON.parse(lines.at(-1)!).message).toBe('database gesloten');

		// A clean close checkpoints the WAL into the database file and removes it.
		expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);

		const acknowledged = respondents.reduce((n, r) => n + r.acknowledged.size, 0);
		expect(acknowledged).toBeGreaterThan(50);
		const db = new Database(databasePath, { readonly: true });
		try {
			expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
			const lookup = db
				.prepare(
					`SELECT a.value FROM answers a JOIN responses r ON r.id = a.response_id
					 WHERE r.token_hash = ? AND a.item_id = ?`
				)
				.pluck();
			const hashOf = (cookie: string) => createHash('sha256').update(cookie).digest('hex');
			let lost = 0;
			for (const respondent of respondents) {
				for (const [itemId] of respondent.acknowledged) {
					const stored = lookup.get(hashOf(respondent.cookie), itemId) as number | undefined;
					// The acknowledged value, or a later attempt whose request failed but did commit.
					if (stored === undefined || !respondent.attempted.get(itemId)!.has(stored)) lost++;
				}
			}
			expect(lost).toBe(0);
			// The held saves, acknowledged after SIGTERM, are stored exactly as sent.
			for (const { cookie, values } of held) {
				for (const [itemId, value] of values) {
					expect(lookup.get(hashOf(cookie), itemId)).toBe(value);
				}
			}
		} finally {
			db.close();
		}
		console.log(
			`shutdown test: ${acknowledged} acknowledged answers, ${inFlightAtSigterm} of 20 saves ` +
				`in flight at SIGTERM, ${outcomes.filter((o) => o.kind === 'failure').length} refused ` +
				`or closed before being read; exit ${Math.round(exitedAt - releasedAt)} ms after the ` +
				`held saves finished (${Math.round(exitedAt - signalledAt)} ms after SIGTERM)`
		);
	} finally {
		server.process.kill('SIGKILL');
		rmSync(dir, { recursive: true, force: true });
	}
});
