import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server-process';

// docs/wijkspiegel.service is the unit the README tells a gemeente to install. This starts the app
// with its ExecStart and Environment lines, as systemd would (a clean environment, the working
// directory of the unit), with only the paths and the port replaced.
const root = join(import.meta.dirname, '..', '..');

function unit() {
	const text = readFileSync(join(root, 'docs', 'wijkspiegel.service'), 'utf8');
	const lines = text.split('\n').filter((l) => !l.startsWith('#'));
	const value = (key: string) =>
		lines.filter((l) => l.startsWith(`${key}=`)).map((l) => l.slice(key.length + 1).trim());
	const environment = Object.fromEntries(
		value('Environment').map((pair) => {
			const at = pair.indexOf('=');
			return [pair.slice(0, at), pair.slice(at + 1)];
		})
	);
	return {
		execStart: value('ExecStart')[0].split(/\s+/),
		workingDirectory: value('WorkingDirectory')[0],
		environment,
		killSignal: value('KillSignal')[0]
	};
}

test('the documented systemd unit starts a healthy app that stops cleanly on its kill signal', async () => {
	test.setTimeout(60_000);
	const { execStart, workingDirectory, environment, killSignal } = unit();
	expect(execStart[0]).toBe('/usr/bin/node');
	expect(workingDirectory).toBe('/opt/wijkspiegel');
	expect(environment).toMatchObject({ HOST: '127.0.0.1', PORT: '3000' });
	expect(environment.DATABASE_PATH).toMatch(/^\/var\/lib\/wijkspiegel\//);

	const dir = mkdtempSync(join(tmpdir(), 'wijkspiegel-systemd-'));
	// 7000-7499: other server tests draw from 4000-6999.
	const port = await freePort(7000, 500);
	const child = spawn(process.execPath, execStart.slice(1), {
		cwd: root,
		env: {
			PATH: process.env.PATH,
			...environment,
			PORT: String(port),
			DATABASE_PATH: join(dir, 'wijkspiegel.db')
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.setEncoding('utf8').on('data', (c: string) => (output += c));
	child.stderr!.setEncoding('utf8').on('data', (c: string) => (output += c));
	const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
	try {
		let health: Response | undefined;
		for (let i = 0; i < 200 && child.exitCode === null && !health?.ok; i++) {
			health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
			if (!health?.ok) await new Promise((r) => setTimeout(r, 100));
		}
		expect(health?.status, output).toBe(200);
		expect(await health!.json()).toEqual({ status: 'ok', database: 'bereikbaar' });
		// SEED_DEMO=false: a real installation starts empty, with only the first beheerder.
		expect(output).not.toContain('Demogegevens');
		expect(output).toContain(`Beheerder aangemaakt: ${environment.ADMIN_EMAIL}`);
	} finally {
		child.kill(killSignal as NodeJS.Signals);
		expect(await closed).toBe(0);
		rmSync(dir, { recursive: true, force: true });
	}
});
