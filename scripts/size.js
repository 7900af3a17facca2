// `npm run size`: the JavaScript each respondent page loads, raw and gzipped (level 9), against
// the 40 KB gzip budget. A real browser loads every page, so lazily imported chunks count too.
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { DEMO_CODE, TOKEN_COOKIE, startRespondent, startServer } from './lib/server.js';

const BUDGET_GZIP_KB = 40;

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
			const navigation = await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
			if (!navigation || navigation.status() !== 200) {
				throw new Error(`${path} antwoordde ${navigation?.status() ?? 'niets'}`);
			}
			let raw = 0;
			let gzip = 0;
			for (const [url, body] of scripts) {
				const bytes = await body;
				if (!bytes) throw new Error(`Kon ${url} niet lezen`);
				raw += bytes.length;
				gzip += gzipSync(bytes, { level: 9 }).length;
			}
			results.push({
				path,
				files: scripts.size,
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
	} finally {
		await browser?.close();
		await server.stop();
	}
}

main().catch((error) => {
	console.error(`\nsize afgebroken: ${error instanceof Error ? error.stack : error}`);
	process.exit(1);
});
