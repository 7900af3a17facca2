import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
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

test('every answer the server acknowledged survives a SIGKILL in the middle of 50 respondents saving', async () => {
	test.setTimeout(90_000);
	const dir = mkdtempSync(join(tmpdir(), 'wijkspiegel-crash-'));
	const databasePath = join(dir, 'crash.db');
	// 4000-4899: shutdown.e2e.ts draws from 4900-4989.
	const port = await freePort(4000, 900);
	let server = startServer(port, databasePath);
	try {
		await waitForHealth(port, server);
		const pages = pagesOf(databasePath);

		const respondents = await Promise.all(
			Array.from({ length: 50 }, async () => ({
				cookie: await startRespondent(port),
				acknowledged: new Map<string, number>(),
				attempted: new Map<string, Set<number>>()
			}))
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
					if ((await savePage(port, respondent.cookie, step + 1, values)).saved) {
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
		server.process.kill('SIGKILL');
		await Promise.all(saving);
		await server.closed;

		const acknowledged = respondents.reduce((n, r) => n + r.acknowledged.size, 0);
		expect(acknowledged).toBeGreaterThan(100);

		server = startServer(port, databasePath);
		await waitForHealth(port, server);
		const db = new Database(databasePath, { readonly: true });
		try {
			expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
			const lookup = db.prepare(
				`SELECT a.value FROM answers a JOIN responses r ON r.id = a.response_id
				 WHERE r.token_hash = ? AND a.item_id = ?`
			);
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
		server.process.kill('SIGKILL');
		rmSync(dir, { recursive: true, force: true });
	}
});
