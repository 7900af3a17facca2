// Checks that a database file has exactly the schema the committed migrations make: used by
// `npm run restore` before a backup replaces the live database.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const MIGRATIONS_TABLE = '__drizzle_migrations';

/**
 * @typedef {{ type: string, name: string, tbl_name: string, sql: string | null }} SchemaObject
 * @typedef {{ tag: string, when: number, sql: string, hash: string }} Migration
 */

/**
 * The committed migrations in order, hashed as drizzle's migrator records them.
 * @param {string} folder
 * @returns {Migration[]}
 */
export function readMigrations(folder) {
	const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8'));
	return journal.entries.map((/** @type {{ tag: string, when: number }} */ entry) => {
		const sql = readFileSync(join(folder, `${entry.tag}.sql`), 'utf8');
		return {
			tag: entry.tag,
			when: entry.when,
			sql,
			hash: createHash('sha256').update(sql).digest('hex')
		};
	});
}

/**
 * Every object in sqlite_schema except SQLite's own and the migrations table, keyed by name,
 * with the CREATE statement's white space evened out.
 * @param {Database.Database} db
 * @returns {Map<string, SchemaObject>}
 */
function schemaOf(db) {
	const rows = /** @type {SchemaObject[]} */ (
		db
			.prepare(
				"SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> ?"
			)
			.all(MIGRATIONS_TABLE)
	);
	return new Map(
		rows.map((row) => [row.name, { ...row, sql: row.sql?.replace(/\s+/g, ' ').trim() ?? null }])
	);
}

/**
 * The schema a fresh database gets from the first `count` migrations, built in memory.
 * @param {Migration[]} migrations
 * @param {number} count
 */
function expectedSchema(migrations, count) {
	const db = new Database(':memory:');
	try {
		for (const migration of migrations.slice(0, count)) {
			for (const statement of migration.sql.split('--> statement-breakpoint')) {
				if (statement.trim()) db.exec(statement);
			}
		}
		return schemaOf(db);
	} finally {
		db.close();
	}
}

const KIND = /** @type {Record<string, string>} */ ({
	table: 'tabel',
	index: 'index',
	trigger: 'trigger',
	view: 'view'
});

/**
 * What is wrong with the schema of an open database, in Dutch for the person restoring; null
 * when it is exactly what the committed migrations (all, or the first few for an older backup)
 * make. Triggers and views are refused outright: the app makes none, and a trigger could copy
 * answers anywhere.
 * @param {Database.Database} db
 * @param {string} migrationsFolder
 * @returns {string | null}
 */
export function schemaProblem(db, migrationsFolder) {
	const actual = schemaOf(db);
	for (const object of actual.values()) {
		if (object.type === 'trigger' || object.type === 'view') {
			return `het bestand bevat een ${KIND[object.type]} "${object.name}". Wijkspiegel maakt geen ${object.type === 'trigger' ? 'triggers' : 'views'}; zo'n bestand zetten we niet terug.`;
		}
	}
	const hasMigrations = db
		.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")
		.get(MIGRATIONS_TABLE);
	if (!hasMigrations) return `de tabel ${MIGRATIONS_TABLE} ontbreekt.`;
	const migrations = readMigrations(migrationsFolder);
	/** @type {string[]} */
	let applied;
	try {
		applied = db
			.prepare(`SELECT hash FROM ${MIGRATIONS_TABLE} ORDER BY created_at, id`)
			.pluck()
			.all()
			.map(String);
	} catch {
		return `de tabel ${MIGRATIONS_TABLE} heeft niet de goede kolommen.`;
	}
	if (applied.length === 0) return 'er zijn geen migraties uitgevoerd.';
	if (applied.length > migrations.length) {
		return `het bestand komt van een nieuwere versie van Wijkspiegel (${applied.length} migraties, deze versie kent er ${migrations.length}).`;
	}
	for (let i = 0; i < applied.length; i++) {
		if (applied[i] !== migrations[i].hash) {
			return `migratie ${i + 1} in het bestand is niet ${migrations[i].tag} van deze versie.`;
		}
	}
	const expected = expectedSchema(migrations, applied.length);
	for (const [name, object] of expected) {
		const found = actual.get(name);
		const kind = KIND[object.type] ?? object.type;
		if (!found) return `de ${kind} ${name} ontbreekt.`;
		if (found.type !== object.type || found.sql !== object.sql) {
			return `de ${kind} ${name} is anders dan de migraties hem maken (kolommen of definitie wijken af).`;
		}
	}
	for (const [name, object] of actual) {
		if (!expected.has(name)) {
			return `het bestand bevat een onbekende ${KIND[object.type] ?? object.type} "${name}".`;
		}
	}
	return null;
}
