// The bare reference of the save bench: node:http plus better-sqlite3, one upsert per POST, with
// no framework in between. It runs in its own process like the app does; `startBareServer` forks
// this file, which then serves (the block at the end).
import Database from 'better-sqlite3';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onCleanup } from './server.js';

/**
 * SQLite's synchronous setting of the bare reference. The app uses FULL in WAL mode: a commit is
 * synced to disk before it is acknowledged. NORMAL syncs only at checkpoints, so the last commits
 * may be lost on a power cut (not on a crash of the process).
 * @typedef {'FULL' | 'NORMAL'} SyncMode
 */
/** @type {SyncMode[]} */
export const SYNC_MODES = ['FULL', 'NORMAL'];

/**
 * The bare reference, in its own process (like the app): node:http plus better-sqlite3 with the
 * app's pragmas (synchronous as given), one upsert per POST. Run as this module's own process.
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
export async function startBareServer(synchronous) {
	const dir = mkdtempSync(join(tmpdir(), 'wijkspiegel-bare-'));
	const child = fork(fileURLToPath(import.meta.url), [join(dir, 'bare.db'), synchronous], {
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const [databasePath, mode] = process.argv.slice(2);
	if (mode !== 'FULL' && mode !== 'NORMAL') throw new Error(`Onbekende synchronous: ${mode}`);
	bareServer(databasePath, mode);
}
