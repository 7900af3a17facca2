// `npm run size`: the JavaScript each respondent page loads, raw and gzipped (level 9), against
// the 32 KB gzip budget (issue 15). A real browser loads every page, so lazily imported chunks
// count too, and so does every modulepreload in the page's Link header, fetched or not.
// `npm run size -- --bestanden` lists the files per page.
// Then the presenter's beamer view: its first paint against 100 KB gzip, with the chart after it.
import { chromium } from '@playwright/test';
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { DEMO_CODE, TOKEN_COOKIE, startRespondent, startServer } from './lib/server.js';

const BUDGET_GZIP_KB = 32;
const LIST_FILES = process.argv.includes('--bestanden');
const PRESENTER_BUDGET_GZIP_KB = 100;
const ADMIN_EMAIL = 'beheer@wijkspiegel.local';

/** Respondent pages; `respondent` pages need the cookie of a started response. */
const PAGES = [
	{ path: '/join', respondent: false },
	{ path: `/s/${DEMO_CODE}`, respondent: false },
	{ path: `/s/${DEMO_CODE}/1`, respondent: true },
	{ path: `/s/${DEMO_CODE}/controleren`, respondent: true },
	{ path: `/s/${DEMO_CODE}/klaar`, respondent: true },
	{ path: `/s/${DEMO_CODE}/stemmen`, respondent: true }
];

function chromiumPath() {
	if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
	return process.env.CHROMIUM_PATH || undefined;
}

/** @param {number} bytes */
const kb = (bytes) => (bytes / 1024).toFixed(1);

async function main() {
	const server = await startServer();
	/** @type {import('@playwright/test').Browser | undefined} */
	let browser;
	let overBudget = 0;
	try {
		const token = await startRespondent(server);
		browser = await chromium.launch({
			executablePath: chromiumPath(),
			args: ['--disable-background-networking', '--disable-component-update', '--disable-sync']
		});
		/** @type {{ path: string, files: number, raw: number, gzip: number, finalPath: string }[]} */
		const results = [];
		for (const { path, respondent } of PAGES) {
			// A fresh context per page: an empty HTTP cache, so every file the page needs is fetched.
			const context = await browser.newContext();
			if (respondent) {
				await context.addCookies([
					{ name: TOKEN_COOKIE, value: token, domain: 'localhost', path: `/s/${DEMO_CODE}` }
				]);
			}
			const page = await context.newPage();
			const scripts = collectScripts(page);
			const navigation = await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
			if (!navigation || navigation.status() !== 200) {
				throw new Error(`${path} antwoordde ${navigation?.status() ?? 'niets'}`);
			}
			// The Link header's modulepreloads count whether or not this browser fetched them.
			const link = (await navigation.allHeaders())['link'] ?? '';
			for (const [, href] of link.matchAll(/<([^>]+)>;[^,]*rel="?modulepreload/g)) {
				const url = new URL(href, navigation.url()).href;
				if (scripts.has(url)) continue;
				const res = await context.request.get(url);
				scripts.set(
					url,
					res.body().catch(() => null)
				);
			}
			const { files, raw, gzip, listed } = await weigh(scripts, () => true);
			if (LIST_FILES) console.log(`${path}:\n${listed.sort().reverse().join('\n')}`);
			results.push({
				path,
				files,
				raw,
				gzip,
				finalPath: new URL(page.url()).pathname
			});
			await context.close();
		}

		console.log(`\nJavaScript per respondentpagina (gzip niveau 9, budget ${BUDGET_GZIP_KB} KB):`);
		console.log(
			`  ${'pagina'.padEnd(24)}${'bestanden'.padStart(10)}${'ruw KB'.padStart(9)}` +
				`${'gzip KB'.padStart(9)}  budget`
		);
		for (const r of results) {
			const within = r.gzip <= BUDGET_GZIP_KB * 1024;
			if (!within) overBudget++;
			const redirected = r.finalPath !== r.path ? ` (doorgestuurd naar ${r.finalPath})` : '';
			console.log(
				`  ${r.path.padEnd(24)}${String(r.files).padStart(10)}${kb(r.raw).padStart(9)}` +
					`${kb(r.gzip).padStart(9)}  ${within ? 'binnen' : 'OVER'}${redirected}`
			);
		}
		console.log(
			overBudget === 0
				? `\nAlle pagina's blijven binnen ${BUDGET_GZIP_KB} KB gzip.`
				: `\n${overBudget} pagina('s) boven ${BUDGET_GZIP_KB} KB gzip.`
		);

		const presenter = await measurePresenter(server, browser);
		const presenterWithin = presenter.first.gzip <= PRESENTER_BUDGET_GZIP_KB * 1024;
		if (!presenterWithin) overBudget++;
		console.log(
			`\nJavaScript van de presentatie (beamer), eerste weergave (budget ${PRESENTER_BUDGET_GZIP_KB} KB gzip):`
		);
		console.log(
			`  ${'pagina'.padEnd(44)}${'bestanden'.padStart(10)}${'ruw KB'.padStart(9)}` +
				`${'gzip KB'.padStart(9)}  budget`
		);
		console.log(
			`  ${presenter.path.replace(/\d+/, ':id').padEnd(44)}${String(presenter.first.files).padStart(10)}` +
				`${kb(presenter.first.raw).padStart(9)}${kb(presenter.first.gzip).padStart(9)}  ` +
				`${presenterWithin ? 'binnen' : 'OVER'} (${PRESENTER_BUDGET_GZIP_KB} KB)`
		);
		console.log(
			`  ${'  daarna geladen (het diagram, chart.js)'.padEnd(44)}${String(presenter.later.files).padStart(10)}` +
				`${kb(presenter.later.raw).padStart(9)}${kb(presenter.later.gzip).padStart(9)}`
		);
		if (presenter.later.files === 0) {
			overBudget++;
			console.log('  Het diagram hoort na de eerste weergave te laden, maar zat er al in.');
		}
	} finally {
		await browser?.close();
		await server.stop();
	}
}

/**
 * Every script a page fetches, by URL, with its body.
 * @param {import('@playwright/test').Page} page
 */
function collectScripts(page) {
	/** @type {Map<string, Promise<Buffer | null>>} */
	const scripts = new Map();
	page.on('response', (response) => {
		const type = response.headers()['content-type'] ?? '';
		if (!/javascript/i.test(type) || scripts.has(response.url())) return;
		scripts.set(
			response.url(),
			response.body().catch(() => null)
		);
	});
	return scripts;
}

/**
 * Raw and gzip bytes of some of the fetched scripts.
 * @param {Map<string, Promise<Buffer | null>>} scripts
 * @param {(url: string) => boolean} which
 */
async function weigh(scripts, which) {
	let files = 0;
	let raw = 0;
	let gzip = 0;
	/** @type {string[]} */
	const listed = [];
	for (const [url, body] of scripts) {
		if (!which(url)) continue;
		const bytes = await body;
		if (!bytes) throw new Error(`Kon ${url} niet lezen`);
		const zipped = gzipSync(bytes, { level: 9 }).length;
		files++;
		raw += bytes.length;
		gzip += zipped;
		listed.push(`    ${kb(zipped).padStart(6)} KB  ${new URL(url).pathname}`);
	}
	return { files, raw, gzip, listed };
}

/**
 * The beamer's radar step of a released demo session. First paint: the scripts the HTML names
 * (modulepreload links and the start script's imports); whatever comes later was loaded lazily,
 * which is where chart.js must be.
 * @param {import('./lib/server.js').RunningServer} server
 * @param {import('@playwright/test').Browser} browser
 */
async function measurePresenter(server, browser) {
	const db = new Database(server.databasePath, { readonly: true, fileMustExist: true });
	const sessionId = /** @type {number | undefined} */ (
		db
			.prepare(
				"SELECT id FROM sessions WHERE status = 'closed' AND results_shown_at IS NOT NULL ORDER BY id LIMIT 1"
			)
			.pluck()
			.get()
	);
	db.close();
	if (sessionId === undefined) throw new Error('Geen sessie met getoonde uitkomsten in de demo');
	const login = await fetch(`${server.base}/inloggen`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			email: ADMIN_EMAIL,
			password: process.env.ADMIN_PASSWORD || 'bench-beheer-wachtwoord'
		})
	});
	await login.arrayBuffer();
	const cookie = login.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => c.startsWith('wijkspiegel_sessie='));
	if (!cookie) throw new Error(`Inloggen mislukte: HTTP ${login.status}`);
	const [name, value] = [
		cookie.slice(0, cookie.indexOf('=')),
		cookie.slice(cookie.indexOf('=') + 1)
	];

	const context = await browser.newContext();
	await context.addCookies([{ name, value, domain: 'localhost', path: '/' }]);
	const page = await context.newPage();
	const scripts = collectScripts(page);
	const path = `/beheer/sessies/${sessionId}/presentatie?stap=2`;
	const navigation = await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
	if (!navigation || navigation.status() !== 200) {
		throw new Error(`${path} antwoordde ${navigation?.status() ?? 'niets'}`);
	}
	await page.locator('canvas').waitFor();
	// SvelteKit names the first paint's modules in <link rel="modulepreload"> tags (and the Link
	// header); the start script imports the entry points.
	const html = await navigation.text();
	const tags = [...html.matchAll(/<link\b[^>]*>/g)]
		.map((m) => m[0])
		.filter((tag) => /rel="modulepreload"/.test(tag))
		.map((tag) => /href="([^"]+)"/.exec(tag)?.[1]);
	const header = [
		...(navigation.headers()['link'] ?? '').matchAll(/<([^>]+)>;\s*rel="modulepreload"/g)
	].map((m) => m[1]);
	const imports = [...html.matchAll(/import\("([^"]+)"\)/g)].map((m) => m[1]);
	const named = new Set(
		[...tags, ...header, ...imports]
			.filter((href) => href !== undefined)
			.map((href) => new URL(href, navigation.url()).href)
	);
	const first = await weigh(scripts, (url) => named.has(url));
	const later = await weigh(scripts, (url) => !named.has(url));
	await context.close();
	return { path, first, later };
}

main().catch((error) => {
	console.error(`\nsize afgebroken: ${error instanceof Error ? error.stack : error}`);
	process.exit(1);
});
