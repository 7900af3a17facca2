import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as gemeenten from '$lib/server/db/gemeenten';
import * as meetrondes from '$lib/server/db/meetrondes';
import * as questionnaireVersions from '$lib/server/db/questionnaire-versions';
import * as responses from '$lib/server/db/responses';
import * as results from '$lib/server/db/results';
import * as sessions from '$lib/server/db/sessions';
import * as teams from '$lib/server/db/teams';
import { sessionCsv } from '$lib/server/figure-exports';
import { buildSessionResults } from '$lib/server/session-results';
import type { AssignmentValue } from '$lib/domain/task-assignment';
import { databaseWithQuestionnaires } from './helpers';

let temp: ReturnType<typeof databaseWithQuestionnaires>;
let sessionId: number;

function parseCsv(text: string): Record<string, string>[] {
	const [header, ...lines] = text.slice(1).trimEnd().split('\r\n');
	const columns = header.split(';');
	return lines.map((line) => Object.fromEntries(line.split(';').map((c, i) => [columns[i], c])));
}

const practice = (itemId: string, value: number) => ({
	itemId,
	value,
	dontKnow: false,
	flagged: false
});

beforeEach(() => {
	temp = databaseWithQuestionnaires();
	const gemeenteId = gemeenten.create(temp.db, 'Proefstad');
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
	const version = questionnaireVersions.find(temp.db, 'takenprofiel', 2)!;
	({ id: sessionId } = sessions.create(temp.db, {
		teamId,
		meetrondeId,
		questionnaireVersionId: version.id,
		minRespondents: 5
	}));
	sessions.open(temp.db, sessionId);
	// Six people score both tasks. All six say whether signalling (ps-1) is in the assignment;
	// only three say it of access (rt-6): too few to show anything of that task.
	const onPaper: AssignmentValue[] = ['ja', 'ja', 'ja', 'ja', 'nee', 'weet-niet'];
	onPaper.forEach((answer, i) => {
		const r = responses.start(temp.db, sessionId);
		responses.saveAnswers(
			temp.db,
			r.id,
			[practice('ps-1', i < 2 ? 2 : 1), practice('rt-6', 3)],
			[],
			[],
			[
				{ itemId: 'ps-1', answer },
				{ itemId: 'rt-6', answer: i < 3 ? 'ja' : null }
			]
		);
		responses.submit(temp.db, r.id);
	});
	sessions.close(temp.db, sessionId);
	results.release(temp.db, sessionId);
});
afterEach(() => temp.cleanup());

describe('takenprofiel v2 through the one gate', () => {
	it('stores one assignment answer per task and removes it when cleared', () => {
		const r = responses.start(temp.db, sessionId);
		responses.saveAnswers(temp.db, r.id, [], [], [], [{ itemId: 'ps-2', answer: 'ja' }]);
		responses.saveAnswers(temp.db, r.id, [], [], [], [{ itemId: 'ps-2', answer: 'nee' }]);
		expect(responses.assignmentOf(temp.db, r.id)).toEqual([{ itemId: 'ps-2', answer: 'nee' }]);
		responses.saveAnswers(temp.db, r.id, [], [], [], [{ itemId: 'ps-2', answer: null }]);
		expect(responses.assignmentOf(temp.db, r.id)).toEqual([]);
		expect(() =>
			temp.db.$client
				.prepare("INSERT INTO assignment_answers VALUES (?, 'ps-3', 'misschien')")
				.run(r.id)
		).toThrow(/CHECK/);
	});

	it('shows the shares of a task answered by enough people, and nothing of one below the minimum', () => {
		const data = results.forSession(temp.db, sessionId);
		if (!data.visible) throw new Error('released, so visible');
		const signal = data.figures.taskProfile.find((r) => r.itemId === 'ps-1')!;
		expect(signal).toMatchObject({
			suppressed: false,
			asked: true,
			assignment: { ja: 4, nee: 1, weetNiet: 1 },
			counts: [4, 2, 0],
			doneShare: 2 / 6
		});
		const access = data.figures.taskProfile.find((r) => r.itemId === 'rt-6')!;
		expect(access).toMatchObject({
			suppressed: true,
			counts: null,
			doneShare: null,
			assignment: null,
			reference: null
		});
		// A task nobody answered is hidden too, not shown as 0%.
		expect(data.figures.taskProfile.find((r) => r.itemId === 'ps-2')?.suppressed).toBe(true);
	});

	it('gives the results page a table and no radar, and no "meest positief"', () => {
		const q = questionnaireVersions.definition(
			temp.db,
			questionnaireVersions.find(temp.db, 'takenprofiel', 2)!.id
		)!;
		const page = buildSessionResults(temp.db, sessionId, q, {
			includeComments: false,
			order: 'vragenlijst'
		});
		if (!page.visible) throw new Error('released, so visible');
		expect(page.taskView).toBe(true);
		expect(page.radar).toBeNull();
		expect(page.summary).toContain('vroeg zien dat een kind of gezin zorgen heeft');
		expect(page.summary).not.toMatch(/positief|hoogst|beste/i);
	});

	it('puts the same figures in the CSV, and leaves the hidden task empty', () => {
		const lines = parseCsv(sessionCsv(temp.db, sessionId, () => true)!);
		const signal = lines.find((l) => l.niveau === 'stelling' && l.id === 'ps-1')!;
		const share = (text: string) => Number(text.replace(',', '.'));
		expect(share(signal.opdracht_ja)).toBeCloseTo(4 / 6);
		expect(share(signal.opdracht_nee)).toBeCloseTo(1 / 6);
		expect(share(signal.opdracht_weet_ik_niet)).toBeCloseTo(1 / 6);
		expect(share(signal.doen_we)).toBeCloseTo(2 / 6);
		expect(signal.verschil_opdracht_praktijk).toBe('34');
		expect(signal.landelijk).toBe('81');
		const access = lines.find((l) => l.niveau === 'stelling' && l.id === 'rt-6')!;
		expect(access.opmerking).toBe('te weinig scores');
		for (const column of ['opdracht_ja', 'opdracht_nee', 'opdracht_weet_ik_niet', 'doen_we']) {
			expect(access[column]).toBe('');
		}
	});
});
