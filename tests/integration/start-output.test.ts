import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// What `npm start` prints: the addresses and the one-time beheerder password, and no build chatter
// or request lines that would scroll the password out of view.

const root = join(import.meta.dirname, '..', '..');
let cleanup: () => void = () => {};
afterEach(() => cleanup());

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

describe('npm start', () => {
	it('shows the password and addresses, without build hints, plugin timings or request lines', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'wijkspiegel-npm-start-'));
		const port = await freePort();
		const child = spawn(process.execPath, [join(root, 'scripts', 'start.js')], {
			cwd: root,
			env: {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				DATABASE_PATH: join(dir, 'app.db'),
				ADMIN_PASSWORD: '',
				ORIGIN: '',
				LOG_REQUESTS: '',
				LOG_LEVEL: ''
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		cleanup = () => {
			child.kill();
			rmSync(dir, { recursive: true, force: true });
		};
		let output = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
		// The first run after a change builds the app first: that takes a minute or two.
		const deadline = Date.now() + 280_000;
		while (!output.includes('Listening on') && Date.now() < deadline && child.exitCode === null) {
			await new Promise((r) => setTimeout(r, 250));
		}
		expect(output).toContain('Listening on');
		for (const path of ['/', '/join', '/inloggen', '/healthz']) {
			expect((await fetch(`http://127.0.0.1:${port}${path}`)).status).toBe(200);
		}
		await new Promise((r) => setTimeout(r, 300));

		expect(output).toMatch(/wachtwoord: \S+/);
		// HOST=127.0.0.1: the address printed is the one the app listens on.
		expect(output).toContain(`http://127.0.0.1:${port}/inloggen`);
		expect(output).not.toMatch(/npm run preview/);
		expect(output).not.toMatch(/PLUGIN_TIMINGS|callbacks ran for/);
		expect(output).not.toMatch(/empty chunk/i);
		expect(output).not.toMatch(/"message":"request"/);
		// The password is among the last lines, not scrolled away under anything else.
		const lines = output.trim().split('\n');
		expect(lines.findIndex((l) => /wachtwoord: \S+/.test(l))).toBeGreaterThanOrEqual(
			lines.length - 10
		);
	}, 300_000);
});
