// `npm start`: build when no current build exists, then serve the production build.
// Every setting has a default, so a fresh clone needs no .env file.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { networkInterfaces } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isLoopbackHost, reachableAddresses } from '../src/lib/network.js';

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
	const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
		cwd: root,
		stdio: 'inherit'
	});
	if (result.status !== 0) process.exit(result.status ?? 1);
	writeFileSync(stampFile, current);
}

const port = process.env.PORT || '3000';
process.env.PORT = port;
// No ORIGIN by default: the app then takes posts from every address it is reached by (localhost,
// the laptop's Wi-Fi address), each checked against its own origin (src/lib/server/same-origin.ts).
process.env.BODY_SIZE_LIMIT ||= '512K';

await import(pathToFileURL(join(buildDir, 'index.js')).href);

const local = `http://localhost:${port}`;
const host = process.env.HOST || '0.0.0.0';
/** Where phones in the room can go: the public address, or this laptop's network addresses. */
function addressesForPhones() {
	if (process.env.ORIGIN) return [new URL(process.env.ORIGIN).origin];
	if (host !== '0.0.0.0' && host !== '::')
		return isLoopbackHost(host) ? [] : [`http://${host}:${port}`];
	return reachableAddresses(networkInterfaces()).map((address) => `http://${address}:${port}`);
}
const forPhones = addressesForPhones();
console.log(`\nWijkspiegel draait op ${process.env.ORIGIN || local}`);
console.log(`Beheerders en facilitatoren loggen in op ${process.env.ORIGIN || local}/inloggen`);
if (forPhones.length > 0) {
	console.log('Teamleden op hetzelfde netwerk (wifi) doen mee via:');
	for (const origin of forPhones) console.log(`  ${origin}/join`);
	if (!process.env.ORIGIN) {
		console.log(
			'Vraagt de computer of Node.js verbindingen mag ontvangen? Sta dat toe voor dit netwerk.'
		);
	}
} else {
	console.log(
		'Telefoons kunnen deze computer niet bereiken: er is geen netwerkadres (of HOST staat op deze computer alleen).'
	);
}
console.log('Probeer de vragenlijst met code DEMO26.\n');
