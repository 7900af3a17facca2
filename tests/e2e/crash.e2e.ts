import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Runs the production build (made by the suite's web server) as a separate process, so it can be
// killed without warning in the middle of saving.
const PORT = 4000 + Math.floor(Math.random() * 900);
const ORIGIN = `http://localhost:${PORT}`;
const root = join(import.meta.dirname, '..', '..');

function startServer(databasePath: string): ChildProcess {
	return spawn(process.execPath, [join(root, 'build', 'index.js')], {
		env: {
			...process.env,
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN,
			DATABASE_PATH: databasePath,
			ADMIN_PASSWORD: 'crash-test-wachtwoord',
			ADDRESS_HEADER: ''
		},
		stdio: 'ignore'
	});
}

async function waitForHealth(): Promise<void> {
	for (let i = 0; i < 200; i++) {
		try {
			if ((await fetch(`http://127.0.0.1:${PORT}/healthz`)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error('server did not become healthy');
}

test('every answer the server acknowledged survives a SIGKILL in the middle of 50 respondents saving', async () => {
	test.setTimeout(90_000);
	const dir = mkdtempSync(join(tmpdir(), 'wijkspiegel-crash-'));
	const databasePath = join(dir, 'crash.db');
	let server = startServer(databasePath);
	try {
		await waitForHealth();
		const pages = (() => {
			const db = new Database(databasePath, { readonly: true });
			const definition = JSON.parse(
				db
					.prepare(
						"SELECT definition FROM questionnaire_versions WHERE questionnaire_id = 'takenprofiel'"
					)
					.pluck()
					.get() as string
			) as { dimensions: { items: { id: string }[] }[] };
			db.close();
			return definition.dimensions.map((d) => d.items.map((i) => i.id));
		})();

		const respondents = await Promise.all(
			Array.from({ length: 50 }, async () => {
				const response = await fetch(`http://127.0.0.1:${PORT}/s/DEMO26?/start`, {
					method: 'POST',
					headers: {
						origin: ORIGIN,
						accept: 'text/html',
						'content-type': 'application/x-www-form-urlencoded'
					},
					body: '',
					redirect: 'manual'
				});
				const cookie = response.headers
					.get('set-cookie')!
					.match(/wijkspiegel_deelnemer=([^;]+)/)![1];
				return {
					cookie,
					acknowledged: new Map<string, number>(),
					attempted: new Map<string, Set<number>>()
				};
			})
		);

		let killed = false;
		const saving = respondents.map(async (respondent, r) => {
			for (let round = 0; !killed; round++) {
				const step = (r + round) % pages.length;
				const values = pages[step].map((itemId, i) => [itemId, 1 + ((r + round + i) % 3)] as const);
				for (const [itemId, value] of values) {
					const set = respondent.attempted.get(itemId) ?? new Set<number>();
					set.add(value);
					respondent.attempted.set(itemId, set);
				}
				try {
					const response = await fetch(`http://127.0.0.1:${PORT}/s/DEMO26/${step + 1}`, {
						method: 'POST',
						headers: {
							origin: ORIGIN,
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
					if (response.ok && body.includes('"type":"success"')) {
						// Acknowledged: from now on these values (or a later attempt) must be on disk.
						for (const [itemId, value] of values) {
							respondent.acknowledged.set(itemId, value);
							respondent.attempted.set(itemId, new Set([value]));
						}
					}
				} catch {
					return; // the server is gone
				}
			}
		});

		await new Promise((r) => setTimeout(r, 1500));
		killed = true;
		server.kill('SIGKILL');
		await Promise.all(saving);
		if (server.exitCode === null && server.signalCode === null) await once(server, 'exit');

		const acknowledged = respondents.reduce((n, r) => n + r.acknowledged.size, 0);
		expect(acknowledged).toBeGreaterThan(100);

		server = startServer(databasePath);
		await waitForHealth();
		const db = new Database(databasePath, { readonly: true });
		try {
			expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
			const lookup = db.prepare(
				`SELECT a.value FROM answers a JOIN responses r ON r.id = a.response_id
				 WHERE r.token_hash = ? AND a.item_id = ?`
			);
			const { createHash } = await import('node:crypto');
			let lost = 0;
			for (const respondent of respondents) {
				const hash = createHash('sha256').update(respondent.cookie).digest('hex');
				for (const [itemId] of respondent.acknowledged) {
					const stored = lookup.pluck().get(hash, itemId) as number | undefined;
					// The acknowledged value, or a later save that committed just before the kill.
					if (stored === undefined || !respondent.attempted.get(itemId)!.has(stored)) lost++;
				}
			}
			expect(lost).toBe(0);
			console.log(`crash test: ${acknowledged} acknowledged answers, all present after SIGKILL`);
		} finally {
			db.close();
		}
	} finally {
		server.kill('SIGKILL');
		rmSync(dir, { recursive: true, force: true });
	}
});
