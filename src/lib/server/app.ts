import { QuestionnaireError } from '$lib/domain/questionnaire';
import { generatePassword, hashPassword } from './auth';
import { openDatabase, type Connection } from './db';
import { startCheckpointer, type Checkpointer } from './db/checkpointer';
import * as aggregates from './db/aggregates';
import * as gemeenten from './db/gemeenten';
import * as users from './db/users';
import { loadQuestionnaireDir, syncQuestionnaires } from './questionnaires';
import { log } from './log';
import { purgeResponses } from './retention';
import { seedDemo } from './seed';

export interface StartOptions {
	databasePath: string;
	questionnairesDir: string;
	seedDemo: boolean;
	admin: { email: string; password: string | undefined };
	/** purge responses older than this many months; null: keep them (the default) */
	retentionMonths?: number | null;
	log?: (line: string) => void;
}

let connection: Connection | undefined;
let checkpointer: Checkpointer | undefined;

/** The app's database connection; startApp() opens it before the first request. */
export function getDb(): Connection {
	if (!connection) throw new Error('De database is nog niet geopend');
	return connection;
}

/**
 * Start-up: migrate, load and check the questionnaires, seed the demo into an empty database,
 * and make sure someone can log in. A broken questionnaire file throws a QuestionnaireError
 * that names the file and the path inside it.
 */
export async function startApp(options: StartOptions): Promise<Connection> {
	const log = options.log ?? console.log;
	const db = openDatabase(options.databasePath);
	try {
		syncQuestionnaires(db, loadQuestionnaireDir(options.questionnairesDir));
		if (options.seedDemo && gemeenten.total(db) === 0) {
			seedDemo(db);
			log('Demogegevens voor Voorbeeldstad zijn aangemaakt (sessiecode DEMO26).');
		}
		const backfilled = aggregates.backfill(db);
		if (backfilled > 0) log(`Cijfers berekend voor ${backfilled} gesloten sessies.`);
		if (users.total(db) === 0) {
			const { email, password } = options.admin;
			const chosen = password ?? generatePassword();
			users.create(db, {
				email,
				name: 'Beheerder',
				role: 'beheerder',
				passwordHash: await hashPassword(chosen)
			});
			log(
				password
					? `Beheerder aangemaakt: ${email} (wachtwoord uit ADMIN_PASSWORD).`
					: `Beheerder aangemaakt: ${email}, wachtwoord: ${chosen}\n(Dit wachtwoord zie je maar één keer. Bewaar het goed.)`
			);
		}
	} catch (error) {
		db.$client.close();
		throw error;
	}
	if (options.retentionMonths) {
		const months = options.retentionMonths;
		const removed = purgeResponses(db, months);
		if (removed > 0) log(`Bewaartermijn: ${removed} oude ingevulde vragenlijsten verwijderd.`);
		// Once a day while running; unref: the timer never keeps a stopping process alive.
		setInterval(() => purgeResponses(db, months), 24 * 60 * 60 * 1000).unref();
	}
	if (options.databasePath !== ':memory:')
		checkpointer = startCheckpointer(db, options.databasePath);
	connection = db;
	return db;
}

/** Closes the database cleanly (checkpoints the WAL); used on shutdown. */
export function closeDb(): void {
	if (!connection) return;
	// The checkpoint worker holds a connection of its own, so closing ours is not the last close
	// that would fold the WAL into the database file: do it here, synchronously, before the process
	// can exit. The worker then stops in the background (unref'd; the WAL is empty by then).
	try {
		connection.$client.pragma('wal_checkpoint(TRUNCATE)');
	} catch (error) {
		log('warn', 'laatste checkpoint bij afsluiten mislukt', { error: String(error) });
	}
	void checkpointer?.stop();
	checkpointer = undefined;
	connection.$client.close();
	connection = undefined;
	log('info', 'database gesloten');
}

export { QuestionnaireError };
