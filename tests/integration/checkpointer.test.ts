import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer, type Checkpointer } from '$lib/server/db/checkpointer';
import { tempDatabase } from './helpers';

let temp: ReturnType<typeof tempDatabase> | undefined;
let checkpointer: Checkpointer | undefined;
afterEach(async () => {
	await checkpointer?.stop();
	checkpointer = undefined;
	temp?.cleanup();
	temp = undefined;
});

/** Writes about 2 MB in many small commits, as saves do. */
function writeMuch(db: ReturnType<typeof tempDatabase>['db']) {
	db.$client.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
	const insert = db.$client.prepare('INSERT INTO filler (body) VALUES (?)');
	for (let i = 0; i < 500; i++) db.$client.transaction(() => insert.run('x'.repeat(4000)))();
}

async function until(condition: () => boolean, ms = 5000) {
	const deadline = Date.now() + ms;
	while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
	return condition();
}

describe('checkpointer', () => {
	it('leaves checkpoints to its worker: commits only append to the WAL, the worker copies them into the database file', async () => {
		temp = tempDatabase();
		const db = temp.db;
		checkpointer = startCheckpointer(db, temp.path, 50);
		expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
		const before = statSync(temp.path).size;
		writeMuch(db);
		expect(await until(() => statSync(temp!.path).size > before + 1_000_000)).toBe(true);
		// Nothing was lost on the way: the app's connection still reads every row.
		expect(db.$client.prepare('SELECT COUNT(*) AS n FROM filler').get()).toEqual({ n: 500 });
	});

	it('checkpoints once more when it stops, so a clean shutdown leaves the database file complete', async () => {
		temp = tempDatabase();
		// An interval longer than the test: only the checkpoint on stop can copy the pages.
		checkpointer = startCheckpointer(temp.db, temp.path, 60_000);
		const before = statSync(temp.path).size;
		writeMuch(temp.db);
		expect(statSync(temp.path).size).toBe(before);
		await checkpointer.stop();
		checkpointer = undefined;
		expect(statSync(temp.path).size).toBeGreaterThan(before + 1_000_000);
	});

	it("falls back to SQLite's own checkpoints when its worker fails, and never throws once the app has closed", async () => {
		temp = tempDatabase();
		// A path without a database: the worker cannot open it and fails.
		const failing = startCheckpointer(temp.db, `${temp.path}.ontbreekt`, 50);
		expect(
			await until(() => temp!.db.$client.pragma('wal_autocheckpoint', { simple: true }) === 1000)
		).toBe(true);
		await failing.stop();

		// The same failure after the app closed its connection: no uncaught error (vitest fails on one).
		const late = startCheckpointer(temp.db, `${temp.path}.ontbreekt`, 50);
		temp.db.$client.close();
		await late.stop();
		await new Promise((r) => setTimeout(r, 100));
		expect(temp.db.$client.open).toBe(false);
	});
});
