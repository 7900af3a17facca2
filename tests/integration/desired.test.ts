import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as gemeenten from '$lib/server/db/gemeenten';
import * as meetrondes from '$lib/server/db/meetrondes';
import * as questionnaireVersions from '$lib/server/db/questionnaire-versions';
import * as responses from '$lib/server/db/responses';
import * as results from '$lib/server/db/results';
import * as sessions from '$lib/server/db/sessions';
import * as teams from '$lib/server/db/teams';
import { sessionCsv } from '$lib/server/figure-exports';
import { databaseWithQuestionnaires } from './helpers';

/** "Gewenst" through the one gate, with a real SQLite file and the real v3 questionnaire (v2 plus gewenst). */

let temp: ReturnType<typeof databaseWithQuestionnaires>;
let teamId: number;
let roundId: number;

beforeEach(() => {
	temp = databaseWithQuestionnaires();
	const gemeenteId = gemeenten.create(temp.db, 'Proefstad');
	teamId = teams.create(temp.db, {
		gemeenteId,
		name: 'Team',
		tasks: [],
		composition: null,
		legalForm: null,
		targetGroup: null
	});
	roundId = meetrondes.create(temp.db, {
		name: 'Ronde',
		startsOn: '2026-01-01',
		endsOn: '2026-02-01',
		gemeenteId
	});
});
afterEach(() => temp.cleanup());

/** A CSV export as rows keyed by column (no field of these exports holds a ';'). */
function parseCsv(text: string): Record<string, string>[] {
	const [header, ...lines] = text.slice(1).trimEnd().split('\r\n');
	const columns = header.split(';');
	return lines.map((line) => Object.fromEntries(line.split(';').map((c, i) => [columns[i], c])));
}

const DIMENSION = 'veilige-leefomgeving';
const OTHER = 'tijdig-signaleren';

/**
 * Five people score statement vl-1 in the first dimension; on "gewenst" all five answer the first
 * dimension, but only `wishesOnOther` answer the second (the rest say "weet ik niet").
 */
function releasedSession(wishesOnOther: number) {
	const versionId = questionnaireVersions.find(temp.db, 'basisfuncties', 3)!.id;
	const { id } = sessions.create(temp.db, {
		teamId,
		meetrondeId: roundId,
		questionnaireVersionId: versionId,
		minRespondents: 5
	});
	sessions.open(temp.db, id);
	for (let i = 0; i < 5; i++) {
		const r = responses.start(temp.db, id);
		responses.saveAnswers(
			temp.db,
			r.id,
			[
				{ itemId: 'vl-1', value: 2 + (i % 2), dontKnow: false, flagged: false },
				{ itemId: 'ts-7', value: 3, dontKnow: false, flagged: false }
			],
			[],
			[
				{ dimensionId: DIMENSION, value: 4 + (i % 2), dontKnow: false },
				i < wishesOnOther
					? { dimensionId: OTHER, value: 4, dontKnow: false }
					: { dimensionId: OTHER, value: null, dontKnow: true }
			]
		);
		responses.submit(temp.db, r.id);
	}
	sessions.close(temp.db, id);
	expect(results.release(temp.db, id)).toBe(true);
	return id;
}

describe('"gewenst" through the one gate', () => {
	it('shows "gewenst" and the gap where 5 people gave a "gewenst" score', () => {
		const id = releasedSession(5);
		const data = results.forSession(temp.db, id);
		if (!data.visible) throw new Error('de uitkomsten zouden zichtbaar moeten zijn');
		const first = data.figures.dimensions.find((d) => d.dimensionId === DIMENSION)!;
		// "nu" 2, 3, 2, 3, 2 on vl-1; "gewenst" 4, 5, 4, 5, 4.
		expect(first.mean).toBeCloseTo(2.4, 10);
		expect(first.desired).toMatchObject({ n: 5, suppressed: false });
		expect(first.desired!.mean).toBeCloseTo(4.4, 10);
		expect(first.gap).toBeCloseTo(2, 10);
		expect(first.desired).not.toHaveProperty('min');
		expect(first.desired).not.toHaveProperty('max');
		expect(first.desired).not.toHaveProperty('median');
	});

	it('hides "gewenst" where only 4 of the minimum 5 gave a score, in the gate and the export', () => {
		const id = releasedSession(4);
		const data = results.forSession(temp.db, id);
		if (!data.visible) throw new Error('de uitkomsten zouden zichtbaar moeten zijn');
		const other = data.figures.dimensions.find((d) => d.dimensionId === OTHER)!;
		expect(other.suppressed).toBe(false);
		expect(other.desired).toEqual({ n: 4, mean: null, sd: null, suppressed: true });
		expect(other.gap).toBeNull();
		// Statements of that dimension get no distance to a hidden "gewenst" either.
		const csv = parseCsv(sessionCsv(temp.db, id, () => true)!);
		const line = csv.find((row) => row.niveau === 'onderwerp' && row.id === OTHER)!;
		expect(line.gewenst_gemiddelde).toBe('');
		expect(line.gewenst_standaardafwijking).toBe('');
		expect(line.verschil_gewenst_nu).toBe('');
		expect(line.opmerking).toBe('gewenst: te weinig scores');
		const statement = csv.find((row) => row.id === 'ts-7')!;
		expect(statement.verschil_gewenst_nu).toBe('');
	});

	it('gives nothing of "gewenst" before the results are released', () => {
		const versionId = questionnaireVersions.find(temp.db, 'basisfuncties', 3)!.id;
		const { id } = sessions.create(temp.db, {
			teamId,
			meetrondeId: roundId,
			questionnaireVersionId: versionId,
			minRespondents: 5
		});
		sessions.open(temp.db, id);
		for (let i = 0; i < 5; i++) {
			const r = responses.start(temp.db, id);
			responses.saveAnswers(
				temp.db,
				r.id,
				[],
				[],
				[{ dimensionId: DIMENSION, value: 5, dontKnow: false }]
			);
			responses.submit(temp.db, r.id);
		}
		sessions.close(temp.db, id);
		expect(results.forSession(temp.db, id).visible).toBe(false);
		expect(results.forSessions(temp.db, [id], ['dimensions']).size).toBe(0);
	});

	it('stores one "gewenst" answer per person and dimension; an empty answer removes it', () => {
		const versionId = questionnaireVersions.find(temp.db, 'basisfuncties', 3)!.id;
		const { id } = sessions.create(temp.db, {
			teamId,
			meetrondeId: roundId,
			questionnaireVersionId: versionId
		});
		const r = responses.start(temp.db, id);
		responses.saveAnswers(
			temp.db,
			r.id,
			[],
			[],
			[{ dimensionId: DIMENSION, value: 3, dontKnow: false }]
		);
		responses.saveAnswers(
			temp.db,
			r.id,
			[],
			[],
			[{ dimensionId: DIMENSION, value: null, dontKnow: true }]
		);
		expect(responses.desiredOf(temp.db, r.id)).toEqual([
			{ dimensionId: DIMENSION, value: null, dontKnow: true }
		]);
		responses.saveAnswers(
			temp.db,
			r.id,
			[],
			[],
			[{ dimensionId: DIMENSION, value: null, dontKnow: false }]
		);
		expect(responses.desiredOf(temp.db, r.id)).toEqual([]);
	});
});
