import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, pagesOf, startRespondent, startServer, waitForHealth } from './server-process';

const TOKEN = 'metrics-token-voor-de-test-0123456789';

test('/metrics is off by default', async ({ request }) => {
	expect((await request.get('/metrics')).status()).toBe(404);
	expect((await request.get('/healthz')).status()).toBe(200);
});

test('/metrics needs the token, counts per route id, and never holds a code, answer, comment or address', async () => {
	test.setTimeout(60_000);
	const dir = mkdtempSync(join(tmpdir(), 'wijkspiegel-metrics-'));
	const databasePath = join(dir, 'metrics.db');
	// 5500-5999: the mail test draws from 5000-5499, crash and shutdown from 4000-4989.
	const port = await freePort(5500, 500);
	const base = `http://127.0.0.1:${port}`;
	const server = startServer(port, databasePath, {
		METRICS_TOKEN: TOKEN,
		ADDRESS_HEADER: 'x-forwarded-for',
		LOG_REQUESTS: 'false'
	});
	const origin = `http://localhost:${port}`;
	try {
		await waitForHealth(port, server);
		const visitor = '203.0.113.77';
		const comment = 'Opmerking-die-nooit-in-metrics-mag-staan';
		const cookie = await startRespondent(port);
		const [firstPage] = pagesOf(databasePath);
		const db = new Database(databasePath, { readonly: true });
		const joinCodes = db.prepare('SELECT join_code FROM sessions').pluck().all() as string[];
		const dimensionId = (
			JSON.parse(
				db
					.prepare(
						"SELECT definition FROM questionnaire_versions WHERE questionnaire_id = 'takenprofiel'"
					)
					.pluck()
					.get() as string
			) as { dimensions: { id: string }[] }
		).dimensions[0].id;
		db.close();
		const saved = await fetch(`${base}/s/DEMO26/1`, {
			method: 'POST',
			headers: {
				origin,
				cookie: `wijkspiegel_deelnemer=${cookie}`,
				'x-forwarded-for': visitor,
				'x-sveltekit-action': 'true',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams([
				...firstPage.map((itemId) => [`antwoord-${itemId}`, '2']),
				[`opmerking-${dimensionId}`, comment],
				['naar', 'blijf']
			])
		});
		expect(await saved.text()).toContain('"type":"success"');
		await fetch(`${base}/s/ZZZZZZ`, { headers: { 'x-forwarded-for': visitor } });
		await fetch(`${base}/inloggen`, {
			method: 'POST',
			headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
			body: 'email=iemand-geheim%40example.nl&password=fout-wachtwoord'
		});

		expect((await fetch(`${base}/metrics`)).status).toBe(401);
		const wrong = await fetch(`${base}/metrics`, {
			headers: { authorization: `Bearer ${TOKEN.slice(0, -1)}` }
		});
		expect(wrong.status).toBe(401);
		expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer/);

		const scraped = await fetch(`${base}/metrics`, {
			headers: { authorization: `Bearer ${TOKEN}` }
		});
		expect(scraped.status).toBe(200);
		expect(scraped.headers.get('content-type')).toContain('text/plain');
		const text = await scraped.text();
		const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? NaN);

		expect(
			value(
				/^wijkspiegel_http_requests_total\{method="POST",route="\/s\/\[code\]\/\[step=step\]",status="200"\} (\d+)$/m
			)
		).toBe(1);
		expect(text).toMatch(
			/^wijkspiegel_http_requests_total\{method="GET",route="\/s\/\[code\]",status="404"\} 1$/m
		);
		expect(text).toMatch(
			/^wijkspiegel_http_request_duration_seconds_count\{method="POST",route="\/inloggen"\} 1$/m
		);
		// The start and the saved page went through the group commit.
		expect(value(/^wijkspiegel_group_commit_batch_size_sum (\d+)$/m)).toBeGreaterThanOrEqual(2);
		expect(
			value(/^wijkspiegel_group_commit_duration_seconds_count (\d+)$/m)
		).toBeGreaterThanOrEqual(1);
		expect(value(/^wijkspiegel_database_size_bytes (\d+)$/m)).toBeGreaterThan(10_000);
		expect(value(/^wijkspiegel_sessions_open (\d+)$/m)).toBeGreaterThanOrEqual(1);
		expect(value(/^wijkspiegel_login_sessions_active (\d+)$/m)).toBe(0);

		// Nothing that could tell who did what: codes, the comment, the cookie, addresses, e-mail.
		for (const secret of [
			...joinCodes,
			'ZZZZZZ',
			comment,
			cookie,
			visitor,
			'127.0.0.1',
			'iemand-geheim',
			'example.nl',
			...firstPage
		]) {
			expect(text, secret).not.toContain(secret);
		}
		// Every route label is a route id: no label value holds a path segment of 6+ capitals/digits.
		const routes = [...text.matchAll(/route="([^"]*)"/g)].map((m) => m[1]);
		expect(routes.length).toBeGreaterThan(3);
		for (const route of routes) expect(route).toMatch(/^(\(geen route\)|\/[\w\-/[\]=]*)$/);
	} finally {
		server.process.kill('SIGTERM');
		await server.closed;
		rmSync(dir, { recursive: true, force: true });
	}
});
