// `npm run backup -- FILE`: a consistent copy of the database while the app keeps running.
// SQLite's online backup copies page by page and restarts when a write comes in between, so the
// copy is always one committed state, never half a transaction.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.env.DATABASE_PATH || join(root, 'data', 'wijkspiegel.db');
const target = process.argv[2];

if (!target) {
	console.error(
		'Gebruik: npm run backup -- BESTAND   (bijvoorbeeld backups/wijkspiegel-2026-11-23.db)'
	);
	process.exit(2);
}
if (!existsSync(source)) {
	console.error(
		`Database ${source} bestaat niet. Zet DATABASE_PATH als de database ergens anders staat.`
	);
	process.exit(1);
}
if (existsSync(target)) {
	console.error(
		`${target} bestaat al. Kies een nieuwe bestandsnaam; een back-up overschrijft niets.`
	);
	process.exit(1);
}

mkdirSync(dirname(resolve(target)), { recursive: true });
const db = new Database(source, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const started = Date.now();
try {
	await db.backup(target);
} finally {
	db.close();
}
const copy = new Database(target, { readonly: true });
const check = copy.pragma('integrity_check', { simple: true });
const answers = copy.prepare('SELECT count(*) FROM answers').pluck().get();
copy.close();
if (check !== 'ok') {
	console.error(`De back-up is niet in orde: ${check}`);
	process.exit(1);
}
console.log(
	`Back-up gemaakt: ${target} (${answers} antwoorden, ${Date.now() - started} ms, integriteit: ok)`
);
