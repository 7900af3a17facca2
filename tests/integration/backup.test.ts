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

	/** A backup of the temp database, changed by `tamper` before the restore sees it. */
	async function tamperedBackup(name: string, tamper: (db: Database.Database) => void) {
		temp = databaseWithQuestionnaires();
		const path = join(temp.dir, name);
		await temp.db.$client.backup(path);
		const db = new Database(path);
		try {
			tamper(db);
		} finally {
			db.close();
		}
		return path;
	}

	async function refusedRestore(file: string): Promise<string> {
		const target = join(temp.dir, 'doel.db');
		const attempt = run(process.execPath, [join(root, 'scripts', 'restore.js'), file], {
			env: { ...process.env, DATABASE_PATH: target }
		});
		const failure = (await attempt.then(
			() => ({ stderr: 'restored' }),
			(error: { stderr: string }) => error
		)) as { stderr: string };
		expect(existsSync(target)).toBe(false);
		return failure.stderr;
	}

	it('refuses a file with a trigger that copies answers into the audit log (issue 10, W11)', async () => {
		const file = await tamperedBackup('trigger.db', (db) =>
			db.exec(`CREATE TRIGGER leak AFTER INSERT ON answers BEGIN
				INSERT INTO audit_log (at, user_email, action, subject)
				VALUES (0, 'x', 'antwoord', NEW.response_id || ':' || NEW.item_id || '=' || NEW.value);
			END`)
		);
		const stderr = await refusedRestore(file);
		expect(stderr).toContain('Niet teruggezet');
		expect(stderr).toContain('trigger "leak"');
	});

	it('refuses a file with the right table names but no columns (W11)', async () => {
		const file = await tamperedBackup('leeg.db', (db) => {
			const tables = db
				.prepare(
					"SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'"
				)
				.pluck()
				.all() as string[];
			db.pragma('foreign_keys = OFF');
			for (const table of tables) db.exec(`DROP TABLE "${table}"; CREATE TABLE "${table}" (x)`);
		});
		const stderr = await refusedRestore(file);
		expect(stderr).toContain('Niet teruggezet');
		expect(stderr).toMatch(/is anders dan de migraties hem maken/);
	});

	it('refuses a view, an unknown table or index, and a missing column (W11)', async () => {
		const cases: [string, string, RegExp][] = [
			['view.db', 'CREATE VIEW alles AS SELECT * FROM answers', /view "alles"/],
			['tabel.db', 'CREATE TABLE kopie (a)', /onbekende tabel "kopie"/],
			['index.db', 'CREATE INDEX extra ON answers (value)', /onbekende index "extra"/],
			['kolom.db', 'ALTER TABLE audit_log DROP COLUMN subject', /tabel audit_log is anders/]
		];
		for (const [name, sql, message] of cases) {
			const file = await tamperedBackup(name, (db) => db.exec(sql));
			expect(await refusedRestore(file)).toMatch(message);
			temp.cleanup();
		}
		temp = databaseWithQuestionnaires();
	});
});
