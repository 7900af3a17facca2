// After the save bench's load: does the database hold exactly what was acknowledged? An
// acknowledged save must be durable, so every respondent with one has its four answer rows with
// the values of that save (or of a later one whose acknowledgement was cut off at the end).
import Database from 'better-sqlite3';
import { ITEMS } from './save-load.js';

/** @typedef {import('./save-load.js').Respondent} Respondent */

/**
 * Every respondent with an acknowledged save must have exactly its four answer rows, holding the
 * values of the last acknowledged save (or of a later save whose acknowledgement was cut off).
 * @param {string} databasePath
 * @param {Respondent[]} respondents
 */
export function checkAnswers(databasePath, respondents) {
	const db = new Database(databasePath, { readonly: true, fileMustExist: true });
	try {
		const rows = /** @type {{ hash: string, item: string, value: number | null }[]} */ (
			db
				.prepare(
					`SELECT r.token_hash AS hash, a.item_id AS item, a.value AS value
					 FROM answers a JOIN responses r ON r.id = a.response_id`
				)
				.all()
		);
		/** @type {Map<string, Map<string, number | null>>} */
		const byHash = new Map();
		for (const row of rows) {
			const items = byHash.get(row.hash) ?? new Map();
			items.set(row.item, row.value);
			byHash.set(row.hash, items);
		}
		let acked = 0;
		let ackedRows = 0;
		let missing = 0;
		let wrongValues = 0;
		let unackedRows = 0;
		/** @type {string[]} */
		const examples = [];
		for (const r of respondents) {
			const items = byHash.get(r.tokenHash) ?? new Map();
			if (!r.acked) {
				unackedRows += items.size;
				continue;
			}
			acked++;
			ackedRows += items.size;
			const stored = ITEMS.map((item) => items.get(item));
			if (items.size !== ITEMS.length || stored.some((v) => v === undefined)) {
				missing++;
				if (examples.length < 3) examples.push(`respondent ${r.index}: ${items.size} rijen`);
				continue;
			}
			const candidates = [r.acked, ...r.pending];
			if (!candidates.some((c) => c.every((v, i) => v === stored[i]))) {
				wrongValues++;
				if (examples.length < 3) {
					examples.push(
						`respondent ${r.index}: opgeslagen ${stored.join(',')}, bevestigd ${r.acked.join(',')}`
					);
				}
			}
		}
		const ok = missing === 0 && wrongValues === 0 && ackedRows === ITEMS.length * acked;
		return { ok, acked, ackedRows, missing, wrongValues, unackedRows, examples };
	} finally {
		db.close();
	}
}

/**
 * The response id behind a respondent's token, read from the app's database.
 * @param {string} databasePath
 * @param {string} tokenHash
 */
export function responseIdOf(databasePath, tokenHash) {
	const db = new Database(databasePath, { readonly: true, fileMustExist: true });
	try {
		const row = /** @type {{ id: number } | undefined} */ (
			db.prepare('SELECT id FROM responses WHERE token_hash = ?').get(tokenHash)
		);
		if (!row) throw new Error('De referentie-respondent staat niet in de database');
		return row.id;
	} finally {
		db.close();
	}
}
