import { defineConfig, devices } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's Chromium when present: Playwright cannot download its own browser here. */
export function chromiumPath(): string | undefined {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
	return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

const port = Number(process.env.E2E_PORT ?? 4173);
const origin = `http://localhost:${port}`;
// Every run gets a fresh database with the demo data, so tests start from the same state.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'wijkspiegel-e2e-'));
process.env.E2E_DATA_DIR = dataDir;
export const e2eDatabasePath = join(dataDir, 'e2e.db');

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: true,
	workers: 2,
	forbidOnly: true,
	// One retry on CI, reported as flaky: a two-core machine running the app, two browsers and the
	// crash and shutdown tests' own servers sometimes stalls a login past the timeouts.
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	timeout: 30_000,
	// Two workers, the app and sometimes a second server share two cores: allow for a busy moment.
	expect: { timeout: 10_000 },
	use: {
		baseURL: origin,
		locale: 'nl-NL',
		extraHTTPHeaders: { 'x-e2e-client': 'e2e-default' },
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: chromiumPath(),
			args: ['--disable-background-networking', '--disable-component-update', '--disable-sync']
		}
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
	webServer: {
		command: 'node scripts/start.js',
		url: `${origin}/healthz`,
		reuseExistingServer: false,
		timeout: 180_000,
		// Request logs would drown the test report; errors (stderr) still show.
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(port),
			ORIGIN: origin,
			DATABASE_PATH: e2eDatabasePath,
			ADMIN_EMAIL: 'beheer@example.nl',
			ADMIN_PASSWORD: 'e2e-beheer-wachtwoord',
			// As behind a reverse proxy: tests give each simulated client its own address.
			ADDRESS_HEADER: 'x-e2e-client'
		}
	}
});
