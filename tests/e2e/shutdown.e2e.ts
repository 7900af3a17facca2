import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	freePort,
	pagesOf,
	savePage,
	startRespondent,
	startServer,
	waitForHealth
} from './server-process';

// Runs the production build (made by the suite's web server) as a separate process, so it can be
// sent SIGTERM in the middle of saving, as a process manager does on a deploy or restart.
// adapter-node then stops listening, lets requests it already received finish (for at most
// SHUTDOWN_TIMEOUT seconds, 30 by default), emits 'sveltekit:shutdown' (the app closes the
// database) and leaves the process to exit once nothing is left to do.
const SAVE_ROUTE = '/s/[code]/[step=step]';

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
	// 4900-4989: crash.e2e.ts draws from 4000-4899.
	const port = await freePort(4900, 90);
	const dir = mkdtempSync(join(tmpdir(), 'wijkspiegel-shutdown-'));
	const databasePath = join(dir, 'shutdown.db');
	// RETENTION_MONTHS starts the daily purge timer, which must not keep a stopping process alive.
	const server = startServer(port, databasePath, { RETENTION_MONTHS: '120' });
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
					const { status, saved } = await savePage(port, respondent.cookie, step + 1, values);
					outcomes.push({ kind: 'response', status, saved });
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
