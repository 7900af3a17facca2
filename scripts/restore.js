// `npm run restore -- FILE`: put a backup back. Stop the app first: a running app keeps its own
// connection to the old database and would not see the restored data.
import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaProblem } from './lib/schema-check.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = process.env.DATABASE_PATH || join(root, 'data', 'wijkspiegel.db');
const source = process.argv[2];

if (!source) {
	console.error('Gebruik: npm run restore -- BESTAND   (stop de app eerst)');
	process.exit(2);
}

/**
 * A backup must be a sound SQLite file of this app, with the schema its migrations make.
 * @param {string} path
 * @returns {string | null} what is wrong, or null
 */
function checkBackup(path) {
	if (!existsSync(path)) return `${path} bestaat niet.`;
	/** @type {Database.Database | undefined} */
	let db;
	try {
		db = new Database(path, { readonly: true, fileMustExist: true });
		const check = db.pragma('integrity_check', { simple: true });
		if (check !== 'ok') return `${path} is beschadigd: ${check}`;
		// Tables, columns, indexes: exactly what the migrations make, and nothing else.
		const schema = schemaProblem(db, join(root, 'migrations'));
		return schema ? `${path} is geen database van deze versie van Wijkspiegel: ${schema}` : null;
	} catch (error) {
		return `${path} is geen SQLite-database: ${error instanceof Error ? error.message : error}`;
	} finally {
		db?.close();
	}
}

const problem = checkBackup(source);
if (problem) {
	console.error(`Niet teruggezet. ${problem}`);
	process.exit(1);
}

// The old database is kept beside it, so a mistaken restore can be undone.
if (existsSync(target)) {
	const kept = `${target}.voor-herstel-${new Date().toISOString().replace(/[:.]/g, '-')}`;
	const current = new Database(target);
	current.pragma('wal_checkpoint(TRUNCATE)');
	current.close();
	renameSync(target, kept);
	rmSync(`${target}-wal`, { force: true });
	rmSync(`${target}-shm`, { force: true });
	console.log(`De huidige database is bewaard als ${kept}`);
}
const backup = new Database(source, { readonly: true });
await backup.backup(target);
backup.close();
const restored = new Database(target, { readonly: true });
const answers = restored.prepare('SELECT count(*) FROM answers').pluck().get();
restored.close();
console.log(
	`Teruggezet: ${source} -> ${target} (${answers} antwoorden). Start de app weer met npm start.`
);
