import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Connection } from '$lib/server/db';
import { loadQuestionnaireDir, syncQuestionnaires } from '$lib/server/questionnaires';

export const QUESTIONNAIRES_DIR = join(import.meta.dirname, '..', '..', 'questionnaires');

/** A real SQLite file in a fresh temp folder, with the committed migrations applied. */
export function tempDatabase(): { db: Connection; dir: string; path: string; cleanup: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'wijkspiegel-test-'));
	const path = join(dir, 'test.db');
	const db = openDatabase(path);
	return {
		db,
		dir,
		path,
		cleanup: () => {
			db.$client.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** A temp database with the project's questionnaires loaded. */
export function databaseWithQuestionnaires() {
	const temp = tempDatabase();
	syncQuestionnaires(temp.db, loadQuestionnaireDir(QUESTIONNAIRES_DIR));
	return temp;
}
