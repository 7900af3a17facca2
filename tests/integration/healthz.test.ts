import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDb, startApp } from '$lib/server/app';
import { GET } from '../../src/routes/healthz/+server';
import { QUESTIONNAIRES_DIR } from './helpers';

let dir = '';
afterEach(() => {
	closeDb();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('/healthz', () => {
	it('answers 200 with JSON while the database is reachable', async () => {
		dir = mkdtempSync(join(tmpdir(), 'wijkspiegel-health-'));
		await startApp({
			databasePath: join(dir, 'app.db'),
			questionnairesDir: QUESTIONNAIRES_DIR,
			seedDemo: false,
			admin: { email: 'b@example.nl', password: 'een-lang-wachtwoord' },
			log: () => {}
		});
		const response = GET();
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ status: 'ok', database: 'bereikbaar' });
	});

	it('answers 503 when the database is not reachable', async () => {
		closeDb();
		const response = GET();
		expect(response.status).toBe(503);
		expect((await response.json()).status).toBe('error');
	});
});
