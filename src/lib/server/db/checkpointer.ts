import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Connection } from '.';

/**
 * The worker's whole program (CommonJS, run with `eval`: no file for the build to place). It opens
 * its own connection and copies committed WAL frames into the database file now and then.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
const checkpoint = () => {
	try {
		db.pragma('wal_checkpoint(PASSIVE)');
	} catch {
		// busy or closed: the next turn tries again
	}
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
	clearInterval(timer);
	checkpoint();
	db.close();
	parentPort.close();
});
`;

export interface Checkpointer {
	/** Stops the worker after a last checkpoint; resolves when it has closed its connection. */
	stop(): Promise<void>;
}

/**
 * Moves WAL checkpoints off the request path. By default SQLite checkpoints inside the commit
 * that crosses 1000 WAL pages: that commit (and with it the event loop and every save waiting
 * for the shared commit) then also writes the pages into the database file and syncs it, a
 * stall of many milliseconds every second or so under load. Here the app's connection never
 * checkpoints and a worker thread does, with PASSIVE checkpoints that never block a writer.
 * Commits stay synchronous=FULL: a commit is durable once its WAL frames are synced, whenever the
 * checkpoint happens (SQLite's documentation suggests exactly this split for busy writers).
 */
export function startCheckpointer(db: Connection, path: string, intervalMs = 200): Checkpointer {
	const driver = createRequire(import.meta.url).resolve('better-sqlite3');
	const worker = new Worker(WORKER_SOURCE, {
		eval: true,
		workerData: { driver, path, intervalMs }
	});
	const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
	worker.on('error', () => {
		// Without the worker the app's own connection checkpoints again, as SQLite does by default;
		// unless that connection is closed already (the app stopped, or a test removed its file).
		if (db.$client.open) db.$client.pragma('wal_autocheckpoint = 1000');
	});
	// Never keeps a stopping process alive.
	worker.unref();
	db.$client.pragma('wal_autocheckpoint = 0');
	return {
		async stop() {
			worker.postMessage('stop');
			await exited;
		}
	};
}
