import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

// The production build (made by the suite's web server) run as a process of its own, on its own
// port and database, for tests that kill or stop it: crash.e2e.ts and shutdown.e2e.ts.
const root = join(import.meta.dirname, '..', '..');

/** A port in [from, from + span) that nothing listens on right now. */
export async function freePort(from: number, span: number): Promise<number> {
	for (let attempt = 0; attempt < 20; attempt++) {
		const port = from + Math.floor(Math.random() * span);
		const probe = createServer();
		const free = await new Promise<boolean>((resolve) => {
			probe.once('error', () => resolve(false));
			probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
		});
		if (free) return port;
	}
	throw new Error(`no free port in ${from}-${from + span - 1}`);
}

export interface Server {
	process: ChildProcess;
	/** Everything the server wrote so far: its JSON request log and any errors. */
	stdout: string[];
	stderr: string[];
	/** Resolves when the process has exited and its output is complete. */
	closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startServer(
	port: number,
	databasePath: string,
	env: Record<string, string> = {}
): Server {
	return spawnServer(join(root, 'build', 'index.js'), {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: `http://localhost:${port}`,
		DATABASE_PATH: databasePath,
		ADMIN_PASSWORD: 'server-test-wachtwoord',
		ADDRESS_HEADER: '',
		// Every simulated respondent comes from 127.0.0.1: a room far larger than any team.
		START_RATE_LIMIT: '100000',
		LOG_LEVEL: 'info',
		// The shutdown test counts the request lines.
		LOG_REQUESTS: 'true',
		...env
	});
}

/**
 * `npm start` as on a facilitator's laptop: scripts/start.js with none of the address settings
 * (ORIGIN, PROTOCOL_HEADER, ...) that the suite's own server has. It listens on one loopback
 * address only, so nothing outside this machine can reach it.
 */
export function startAsNpmStart(host: string, port: number, databasePath: string): Server {
	const env: NodeJS.ProcessEnv = { ...process.env };
	for (const name of [
		'ORIGIN',
		'PROTOCOL_HEADER',
		'HOST_HEADER',
		'PORT_HEADER',
		'ADDRESS_HEADER'
	]) {
		delete env[name];
	}
	return spawnServer(join(root, 'scripts', 'start.js'), {
		...env,
		PORT: String(port),
		HOST: host,
		DATABASE_PATH: databasePath,
		ADMIN_PASSWORD: 'server-test-wachtwoord'
	});
}

function spawnServer(script: string, env: NodeJS.ProcessEnv): Server {
	const child = spawn(process.execPath, [script], {
		cwd: root,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const stdout: string[] = [];
	const stderr: string[] = [];
	child.stdout!.setEncoding('utf8').on('data', (chunk: string) => stdout.push(chunk));
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
	const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.once('close', (code, signal) => resolve({ code, signal }))
	);
	return { process: child, stdout, stderr, closed };
}

export async function waitForHealth(
	port: number,
	server: Server,
	host = '127.0.0.1'
): Promise<void> {
	for (let i = 0; i < 200 && server.process.exitCode === null; i++) {
		try {
			if ((await fetch(`http://${host}:${port}/healthz`)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`server did not become healthy: ${server.stderr.join('')}`);
}

/** The item ids on each page of the demo questionnaire. */
export function pagesOf(databasePath: string): string[][] {
	const db = new Database(databasePath, { readonly: true });
	try {
		const definition = JSON.parse(
			db
				.prepare(
					"SELECT definition FROM questionnaire_versions WHERE questionnaire_id = 'takenprofiel'"
				)
				.pluck()
				.get() as string
		) as { dimensions: { items: { id: string }[] }[] };
		return definition.dimensions.map((d) => d.items.map((i) => i.id));
	} finally {
		// Closed before the shutdown: an open reader would keep the server from removing the WAL.
		db.close();
	}
}

export async function startRespondent(port: number): Promise<string> {
	const response = await fetch(`http://127.0.0.1:${port}/s/DEMO26?/start`, {
		method: 'POST',
		headers: {
			origin: `http://localhost:${port}`,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: '',
		redirect: 'manual'
	});
	return response.headers.get('set-cookie')!.match(/wijkspiegel_deelnemer=([^;]+)/)![1];
}

/** A background save of one page, as the page's script sends it; whether it was acknowledged. */
export async function savePage(
	port: number,
	cookie: string,
	step: number,
	values: readonly (readonly [string, number])[]
): Promise<{ status: number; saved: boolean }> {
	const response = await fetch(`http://127.0.0.1:${port}/s/DEMO26/${step}`, {
		method: 'POST',
		headers: {
			origin: `http://localhost:${port}`,
			cookie: `wijkspiegel_deelnemer=${cookie}`,
			'x-sveltekit-action': 'true',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams([
			...values.map(([k, v]) => [`antwoord-${k}`, String(v)]),
			['naar', 'blijf']
		])
	});
	const body = await response.text();
	return { status: response.status, saved: response.ok && body.includes('"type":"success"') };
}
