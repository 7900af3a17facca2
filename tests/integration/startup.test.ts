import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { closeDb, startApp, type StartOptions } from '$lib/server/app';
import { QuestionnaireError } from '$lib/domain/questionnaire';
import { verifyPassword } from '$lib/server/auth';
import * as users from '$lib/server/db/users';
import { QUESTIONNAIRES_DIR } from './helpers';

let dir = '';
afterEach(() => {
	closeDb();
	rmSync(dir, { recursive: true, force: true });
});

function options(overrides: Partial<StartOptions> = {}): StartOptions & { lines: string[] } {
	dir = mkdtempSync(join(tmpdir(), 'wijkspiegel-start-'));
	const lines: string[] = [];
	return {
		databasePath: join(dir, 'sub', 'app.db'),
		questionnairesDir: QUESTIONNAIRES_DIR,
		seedDemo: true,
		admin: { email: 'beheer@example.nl', password: undefined },
		log: (line) => lines.push(line),
		lines,
		...overrides
	};
}

describe('startApp', () => {
	it('creates the database, seeds the demo once and prints a generated admin password once', async () => {
		const opts = options();
		const db = await startApp(opts);
		const answers = () => db.get<{ n: number }>(sql`SELECT count(*) AS n FROM answers`).n;
		const seeded = answers();
		expect(seeded).toBeGreaterThan(1000);
		const passwordLine = opts.lines.find((l) => l.includes('wachtwoord:'))!;
		const password = passwordLine.split('wachtwoord: ')[1].split('\n')[0];
		const admin = users.findByEmail(db, 'beheer@example.nl')!;
		expect(await verifyPassword(password, admin.passwordHash!)).toBe(true);
		closeDb();

		opts.lines.length = 0;
		const again = await startApp(opts);
		expect(again.get<{ n: number }>(sql`SELECT count(*) AS n FROM answers`).n).toBe(seeded);
		expect(opts.lines).toEqual([]);
	});

	it('uses ADMIN_PASSWORD without printing it', async () => {
		const opts = options({ admin: { email: 'b@example.nl', password: 'een-lang-wachtwoord' } });
		const db = await startApp(opts);
		expect(opts.lines.join('\n')).not.toContain('een-lang-wachtwoord');
		const admin = users.findByEmail(db, 'b@example.nl')!;
		expect(await verifyPassword('een-lang-wachtwoord', admin.passwordHash!)).toBe(true);
		expect(await verifyPassword('fout', admin.passwordHash!)).toBe(false);
	});

	it('stops with the file and the path when a questionnaire is malformed', async () => {
		const opts = options();
		const qdir = join(dir, 'q');
		mkdirSync(qdir);
		copyFileSync(
			join(QUESTIONNAIRES_DIR, 'takenprofiel-v1.yaml'),
			join(qdir, 'takenprofiel-v1.yaml')
		);
		writeFileSync(join(qdir, 'kapot-v1.yaml'), 'id: kapot\nversion: 1\ndimensions: []\n');
		const start = startApp({ ...opts, questionnairesDir: qdir });
		await expect(start).rejects.toBeInstanceOf(QuestionnaireError);
		await expect(start).rejects.toThrow(/kapot-v1\.yaml[\s\S]*dimensions/);
	});

	it('leaves an empty database without demo data when SEED_DEMO is off', async () => {
		const db = await startApp(options({ seedDemo: false }));
		expect(db.get<{ n: number }>(sql`SELECT count(*) AS n FROM gemeenten`).n).toBe(0);
	});
});
