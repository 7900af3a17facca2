import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import * as responses from '$lib/server/db/responses';
import * as sessions from '$lib/server/db/sessions';
import { DEMO_JOIN_CODE, seedDemo } from '$lib/server/seed';
import { databaseWithQuestionnaires } from './helpers';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');

let temp: ReturnType<typeof databaseWithQuestionnaires>;
afterEach(() => temp.cleanup());

const count = (path: string) => {
	const db = new Database(path, { readonly: true });
	try {
		return db.prepare('SELECT count(*) FROM answers').pluck().get() as number;
	} finally {
		db.close();
	}
};

describe('backup and restore', () => {
	it('backs up while answers are being saved, and restores the same counts', async () => {
		temp = databaseWithQuestionnaires();
		seedDemo(temp.db);
		const sessionId = sessions.findByJoinCode(temp.db, DEMO_JOIN_CODE)!.id;
		// Keep saving answers while the backup runs in another process.
		let saving = true;
		const writer = (async () => {
			while (saving) {
				const { id } = responses.start(temp.db, sessionId);
				responses.saveAnswers(temp.db, id, [
					{ itemId: 'ps-1', value: 2, dontKnow: false, flagged: false }
				]);
				await new Promise((r) => setTimeout(r, 1));
			}
		})();
		const backup = join(temp.dir, 'backups', 'kopie.db');
		const { stdout } = await run(process.execPath, [join(root, 'scripts', 'backup.js'), backup], {
			env: { ...process.env, DATABASE_PATH: temp.path }
		});
		saving = false;
		await writer;
		expect(stdout).toContain('integriteit: ok');
		const backedUp = count(backup);
		expect(backedUp).toBeGreaterThan(3000);
		expect(backedUp).toBeLessThanOrEqual(count(temp.path));

		const restoredPath = join(temp.dir, 'hersteld.db');
		const restored = await run(process.execPath, [join(root, 'scripts', 'restore.js'), backup], {
			env: { ...process.env, DATABASE_PATH: restoredPath }
		});
		expect(restored.stdout).toContain('Teruggezet');
		expect(count(restoredPath)).toBe(backedUp);
	});

	it('refuses to restore a file that is not a Wijkspiegel database, and keeps the current one', async () => {
		temp = databaseWithQuestionnaires();
		const bogus = join(temp.dir, 'geen-database.db');
		writeFileSync(bogus, 'dit is geen database');
		const attempt = run(process.execPath, [join(root, 'scripts', 'restore.js'), bogus], {
			env: { ...process.env, DATABASE_PATH: temp.path }
		});
		await expect(attempt).rejects.toMatchObject({
			stderr: expect.stringContaining('Niet teruggezet')
		});
		expect(existsSync(temp.path)).toBe(true);
	});
});
