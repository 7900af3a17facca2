import { expect, test } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startServer, waitForHealth } from './server-process';

// The app behind a real nginx with TLS, configured by the file the README shows: docs/nginx-
// wijkspiegel.conf. Only its ports and certificate paths are replaced; nginx runs as a child
// process with its own pid, log and temp paths.
const root = join(import.meta.dirname, '..', '..');
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** The documented site config, with this test's ports and certificate; each value must be there. */
function siteConfig(ports: { http: number; https: number; app: number }, dir: string): string {
	let config = readFileSync(join(root, 'docs', 'nginx-wijkspiegel.conf'), 'utf8');
	for (const [from, to] of [
		['listen 80;', `listen 127.0.0.1:${ports.http};`],
		['listen 443 ssl;', `listen 127.0.0.1:${ports.https} ssl;`],
		['/etc/ssl/wijkspiegel/fullchain.pem', join(dir, 'cert.pem')],
		['/etc/ssl/wijkspiegel/privkey.pem', join(dir, 'key.pem')],
		['proxy_pass http://127.0.0.1:3000;', `proxy_pass http://127.0.0.1:${ports.app};`]
	]) {
		expect(config, `docs/nginx-wijkspiegel.conf holds "${from}"`).toContain(from);
		config = config.replaceAll(from, to);
	}
	return config;
}

/** The app settings the config file's comment names ("Start de app erachter met"). */
function documentedAppSettings(): Record<string, string> {
	const text = readFileSync(join(root, 'docs', 'nginx-wijkspiegel.conf'), 'utf8');
	const settings = Object.fromEntries(
		[...text.matchAll(/^#\s+((?:[A-Z_]+=\S+\s*)+)$/gm)].flatMap((m) =>
			m[1]
				.trim()
				.split(/\s+/)
				.map((pair) => pair.split('=') as [string, string])
		)
	);
	expect(Object.keys(settings)).toEqual(
		expect.arrayContaining(['ORIGIN', 'PROTOCOL_HEADER', 'ADDRESS_HEADER', 'XFF_DEPTH'])
	);
	return settings;
}

interface Answer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

/** One request from a chosen local address (127.0.0.x stands for different machines). */
function send(
	url: string,
	options: { localAddress?: string; headers?: Record<string, string>; ca?: string } = {}
): Promise<Answer> {
	const target = new URL(url);
	const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
	return new Promise((resolve, reject) => {
		const req = request(
			target,
			{
				localAddress: options.localAddress,
				headers: options.headers,
				ca: options.ca,
				servername: 'localhost'
			},
			(res) => {
				let body = '';
				res.setEncoding('utf8').on('data', (chunk) => (body += chunk));
				res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
			}
		);
		req.on('error', reject);
		req.end();
	});
}

async function waitForPort(port: number, exited: () => boolean, log: () => string) {
	for (let i = 0; i < 100; i++) {
		if (exited()) throw new Error(`nginx stopped: ${log()}`);
		const open = await new Promise<boolean>((resolve) => {
			const socket = connect(port, '127.0.0.1');
			socket.once('connect', () => (socket.destroy(), resolve(true)));
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`nginx did not listen: ${log()}`);
}

test('behind nginx with TLS: Secure cookies, HSTS over https only, real client addresses, forged headers refused', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const dir = mkdtempSync(join(tmpdir(), 'wijkspiegel-nginx-'));
	for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
		mkdirSync(join(dir, 'tmp', sub), { recursive: true });
	// 6000-6999 for this test's three ports; other server tests draw from 4000-5999.
	const ports = {
		app: await freePort(6000, 330),
		http: await freePort(6330, 330),
		https: await freePort(6660, 330)
	};
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'ec',
			'-pkeyopt',
			'ec_paramgen_curve:prime256v1',
			'-nodes',
			'-days',
			'1',
			'-subj',
			'/CN=localhost',
			'-addext',
			'subjectAltName=DNS:localhost,IP:127.0.0.1',
			'-keyout',
			join(dir, 'key.pem'),
			'-out',
			join(dir, 'cert.pem')
		],
		{ stdio: 'ignore' }
	);
	const ca = readFileSync(join(dir, 'cert.pem'), 'utf8');
	writeFileSync(join(dir, 'wijkspiegel.conf'), siteConfig(ports, dir));
	writeFileSync(
		join(dir, 'nginx.conf'),
		[
			'daemon off;',
			'worker_processes 1;',
			// As root (CI), workers would otherwise run as nobody and not reach this temp folder.
			process.getuid?.() === 0 ? 'user root;' : '',
			`pid ${dir}/nginx.pid;`,
			`error_log ${dir}/error.log warn;`,
			'events { worker_connections 64; }',
			'http {',
			'  access_log off;',
			...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
				(t) => `  ${t === 'body' ? 'client_body' : t}_temp_path ${dir}/tmp/${t};`
			),
			`  include ${dir}/wijkspiegel.conf;`,
			'}'
		].join('\n')
	);

	const origin = `https://localhost:${ports.https}`;
	const app = startServer(ports.app, join(dir, 'app.db'), {
		...documentedAppSettings(),
		PORT: String(ports.app),
		ORIGIN: origin,
		// Not loopback: the app's port is reachable directly too, as when HOST is left at its default.
		HOST: '0.0.0.0',
		// Only nginx (connecting from 127.0.0.1) is the proxy; 127.0.0.2 stands for another machine.
		TRUSTED_PROXIES: '127.0.0.1',
		JOIN_RATE_LIMIT: '3',
		ADMIN_EMAIL: 'beheer@example.nl',
		LOG_REQUESTS: 'false'
	});
	const nginx = spawn(
		NGINX,
		['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')],
		{
			stdio: ['ignore', 'ignore', 'pipe']
		}
	);
	let nginxErrors = '';
	nginx.stderr!.setEncoding('utf8').on('data', (chunk: string) => (nginxErrors += chunk));
	const nginxClosed = new Promise((resolve) => nginx.once('close', resolve));
	try {
		await waitForHealth(ports.app, app);
		await waitForPort(
			ports.https,
			() => nginx.exitCode !== null,
			() => nginxErrors + readFileSync(join(dir, 'error.log'), 'utf8')
		);

		// https: HSTS from the app; plain http: only a redirect to https, without HSTS.
		const health = await send(`${origin}/healthz`, { ca });
		expect(health.status).toBe(200);
		expect(health.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
		const plain = await send(`http://localhost:${ports.http}/inloggen`);
		expect(plain.status).toBe(301);
		expect(plain.headers.location).toMatch(/^https:\/\/localhost\/inloggen$/);
		expect(plain.headers['strict-transport-security']).toBeUndefined();

		// A browser signs in through the proxy: the form's origin is accepted, the cookie is Secure.
		const context = await browser.newContext({ ignoreHTTPSErrors: true });
		const page = await context.newPage();
		await page.goto(`${origin}/inloggen`);
		await page.getByLabel('E-mailadres').fill('beheer@example.nl');
		await page.getByLabel('Wachtwoord').fill('server-test-wachtwoord');
		const [loginAnswer] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.getByRole('button', { name: 'Inloggen' }).click()
		]);
		expect(await loginAnswer.headerValue('set-cookie')).toMatch(
			/wijkspiegel_sessie=[^;]+;.*Secure/i
		);
		await expect(page).toHaveURL(`${origin}/beheer`);
		const cookies = await context.cookies(origin);
		expect(cookies.find((c) => c.name === 'wijkspiegel_sessie')).toMatchObject({
			secure: true,
			httpOnly: true
		});
		await context.close();

		// The limits count the visitor nginx saw, not nginx and not what the visitor claims.
		const wrongCodes = ['WWWWW2', 'WWWWW3', 'WWWWW4', 'WWWWW5'];
		const statuses: number[] = [];
		for (const [i, code] of wrongCodes.entries()) {
			const answer = await send(`${origin}/s/${code}`, {
				ca,
				localAddress: '127.0.0.5',
				headers: { 'x-forwarded-for': `198.51.100.${i}` }
			});
			statuses.push(answer.status);
		}
		expect(statuses).toEqual([404, 404, 404, 429]);
		// Someone else behind the same proxy is not held back.
		expect((await send(`${origin}/s/WWWWW6`, { ca, localAddress: '127.0.0.6' })).status).toBe(404);

		// Around the proxy, straight to the app's port: a forged header is refused, none is fine.
		const direct = `http://127.0.0.1:${ports.app}`;
		const forged = await send(`${direct}/join`, {
			localAddress: '127.0.0.2',
			headers: { 'x-forwarded-for': '203.0.113.50' }
		});
		expect(forged.status).toBe(400);
		expect(forged.body).toContain('komt niet via de proxy');
		const forgedProto = await send(`${direct}/join`, {
			localAddress: '127.0.0.2',
			headers: { 'x-forwarded-proto': 'https' }
		});
		expect(forgedProto.status).toBe(400);
		expect((await send(`${direct}/healthz`, { localAddress: '127.0.0.2' })).status).toBe(200);
	} finally {
		nginx.kill('SIGQUIT');
		app.process.kill('SIGTERM');
		await Promise.all([nginxClosed, app.closed]);
		rmSync(dir, { recursive: true, force: true });
	}
});
