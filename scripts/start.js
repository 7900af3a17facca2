// `npm start`: build when no current build exists, then serve the production build.
// Every setting has a default, so a fresh clone needs no .env file.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
// adapter-node refuses form posts as cross-site when it cannot tell its own origin.
process.env.ORIGIN ||= `http://localhost:${port}`;
process.env.BODY_SIZE_LIMIT ||= '512K';

await import(pathToFileURL(join(buildDir, 'index.js')).href);
console.log(`\nWijkspiegel draait op ${process.env.ORIGIN}`);
console.log(`Beheerders en facilitatoren loggen in op ${process.env.ORIGIN}/inloggen`);
console.log(`Probeer de vragenlijst als teamlid met code DEMO26 op ${process.env.ORIGIN}/join\n`);
