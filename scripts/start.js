// `npm start`: build when no current build exists, then serve the production build.
// Every setting has a default, so a fresh clone needs no .env file.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { networkInterfaces } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { STATIC_HEADERS } from '../src/lib/server/static-headers.js';
import { reachableAddresses, startAddresses } from '../src/lib/network.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = join(root, 'build');
const stampFile = join(buildDir, '.source-fingerprint');
const inputs = ['src', 'static', 'package.json', 'svelte.config.js', 'vite.config.ts'];

/** A fingerprint of everything the build is made from: paths, sizes and modification times. */
function fingerprint() {
	const hash = createHash('sha256');
	/** @param {string} path */
	const visit = (path) => {
		if (!existsSync(path)) return;
		const stat = statSync(path);
		if (stat.isDirectory()) {
			for (const name of readdirSync(path).sort()) visit(join(path, name));
		} else {
			hash.update(`${path.slice(root.length)}:${stat.size}:${stat.mtimeMs}\n`);
		}
	};
	for (const input of inputs) visit(join(root, input));
	return hash.digest('hex');
}

const current = fingerprint();
const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
if (built !== current || !existsSync(join(buildDir, 'index.js'))) {
	console.log('Wijkspiegel wordt gebouwd (dit gebeurt alleen na een wijziging)...');
	const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	// The build's own output is for developers ("Run npm run preview", plugin timings, an empty
	// chunk): kept to show only when the build fails, so the beheerder password stays in view.
	const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
		cwd: root,
		stdio: ['ignore', 'pipe', 'pipe'],
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	if (result.status !== 0) {
		process.stdout.write(result.stdout ?? '');
		process.stderr.write(result.stderr ?? '');
		console.error('Het bouwen is mislukt; zie de meldingen hierboven.');
		process.exit(result.status ?? 1);
	}
	writeFileSync(stampFile, current);
	console.log('Klaar met bouwen.');
}

const port = process.env.PORT || '3000';
process.env.PORT = port;
// No ORIGIN by default: the app then takes posts from every address it is reached by (localhost,
// the laptop's Wi-Fi address), each checked against its own origin (src/lib/server/same-origin.ts).
process.env.BODY_SIZE_LIMIT ||= '512K';
// An empty ORIGIN (ORIGIN= in a service file) means "not set"; adapter-node would refuse to start.
if (!process.env.ORIGIN) delete process.env.ORIGIN;

const { server } = await import(pathToFileURL(join(buildDir, 'index.js')).href);
// adapter-node serves /_app and other static files with sirv, before the SvelteKit hooks that set
// the security headers. A listener that runs first gives those responses the same headers; the
// pages' own headers (set in the hooks) still override them.
server.server.prependListener(
	'request',
	/** @param {import('node:http').IncomingMessage} _req @param {import('node:http').ServerResponse} res */
	(_req, res) => {
		for (const [name, value] of Object.entries(STATIC_HEADERS)) res.setHeader(name, value);
	}
);

const { local, forPhones, why } = startAddresses({
	origin: process.env.ORIGIN,
	host: process.env.HOST || '0.0.0.0',
	port,
	addresses: reachableAddresses(networkInterfaces())
});
console.log(`\nWijkspiegel draait op ${local}`);
console.log(`Beheerders en facilitatoren loggen in op ${local}/inloggen`);
if (forPhones.length > 0) {
	console.log('Teamleden doen mee via (op hetzelfde netwerk, bijvoorbeeld de wifi van de ruimte):');
	for (const origin of forPhones) console.log(`  ${origin}/join`);
	if (!process.env.ORIGIN) {
		console.log(
			'Vraagt de computer of Node.js verbindingen mag ontvangen? Sta dat toe voor dit netwerk.'
		);
	}
} else if (why === 'host') {
	console.log(
		`Alleen deze computer kan Wijkspiegel openen (HOST=${process.env.HOST}). Voor telefoons: HOST=0.0.0.0.`
	);
} else {
	console.log(
		'Deze computer heeft geen netwerkadres: telefoons kunnen hem nu niet bereiken. Verbind met de wifi en start opnieuw.'
	);
}
console.log('Probeer de vragenlijst met code DEMO26.\n');
