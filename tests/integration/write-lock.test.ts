import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { afterEach, beforeEach, expect, it } from 'vitest';
import * as gemeenten from '$lib/server/db/gemeenten';
import * as meetrondes from '$lib/server/db/meetrondes';
import * as questionnaireVersions from '$lib/server/db/questionnaire-versions';
import * as responses from '$lib/server/db/responses';
import * as results from '$lib/server/db/results';
import * as sessions from '$lib/server/db/sessions';
import * as teams from '$lib/server/db/teams';
import * as votes from '$lib/server/db/votes';
import { openVote } from '$lib/server/topic-vote';
import { databaseWithQuestionnaires } from './helpers';

// A second connection (another process: a maintenance script, a test fixture) writes while the
// app reads and then writes in one transaction. A deferred transaction then fails at once with
// "database is locked", whatever the busy timeout; the app's transactions wait their turn.

let temp: ReturnType<typeof databaseWithQuestionnaires>;
beforeEach(() => {
	temp = databaseWithQuestionnaires();
});
afterEach(() => temp.cleanup());

/** Another process takes the write lock, says so, writes, and commits after `holdMs`. */
function otherWriter(path: string, holdMs: number) {
	const driver = createRequire(import.meta.url).resolve('better-sqlite3');
	const program = `
		const db = new (require(${JSON.stringify(driver)}))(${JSON.stringify(path)});
		db.pragma('busy_timeout = 5000');
		db.exec('BEGIN IMMEDIATE');
		db.prepare("INSERT INTO gemeenten (name, created_at) VALUES ('Andere schrijver', 0)").run();
		console.log('locked');
		setTimeout(() => { db.exec('COMMIT'); db.close(); }, ${holdMs});
	`;
	const child = spawn(process.execPath, ['-e', program], { stdio: ['ignore', 'pipe', 'inherit'] });
	const locked = new Promise<void>((resolve, reject) => {
		child.stdout.once('data', () => resolve());
		child.once('exit', (code) => reject(new Error(`writer exited with ${code}`)));
	});
	const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
	return { locked, exited };
}

it('a vote cast while another process holds the write lock waits and is counted', async () => {
	const gemeenteId = gemeenten.create(temp.db, 'Slotstad');
	const teamId = teams.create(temp.db, {
		gemeenteId,
		name: 'Team',
		tasks: [],
		composition: null,
		legalForm: null,
		targetGroup: null
	});
	const meetrondeId = meetrondes.create(temp.db, {
		name: 'Ronde',
		startsOn: '2026-01-01',
		endsOn: '2026-02-01',
		gemeenteId
	});
	const questionnaireVersionId = questionnaireVersions.find(temp.db, 'basisfuncties', 1)!.id;
	const { id } = sessions.create(temp.db, {
		teamId,
		meetrondeId,
		questionnaireVersionId,
		minRespondents: 3
	});
	sessions.open(temp.db, id);
	const voters = [0, 1, 2].map(() => {
		const response = responses.start(temp.db, id).id;
		responses.saveAnswers(temp.db, response, [
			{ itemId: 'vl-1', value: 3, dontKnow: false, flagged: false }
		]);
		return response;
	});
	const voter = voters[0];
	sessions.close(temp.db, id);
	results.release(temp.db, id);
	expect(openVote(temp.db, id, 'onderwerpen', 3)).toBe('geopend');
	const option = votes.get(temp.db, id)!.options[0].id;

	const writer = otherWriter(temp.path, 300);
	await writer.locked;
	const started = performance.now();
	expect(votes.cast(temp.db, id, voter, [option])).toBe('geteld');
	expect(performance.now() - started).toBeGreaterThan(100);
	expect(await writer.exited).toBe(0);
	expect(votes.get(temp.db, id)!.voters).toBe(1);
	expect(
		temp.db.$client
			.prepare("SELECT count(*) FROM gemeenten WHERE name = 'Andere schrijver'")
			.pluck()
			.get()
	).toBe(1);
});
