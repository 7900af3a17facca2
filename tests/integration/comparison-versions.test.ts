import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildComparison, type ComparisonRequest } from '$lib/server/comparisons';
import * as gemeenten from '$lib/server/db/gemeenten';
import * as meetrondes from '$lib/server/db/meetrondes';
import { seedDemo } from '$lib/server/seed';
import { databaseWithQuestionnaires } from './helpers';

let temp: ReturnType<typeof databaseWithQuestionnaires>;
let base: Omit<ComparisonRequest, 'kind' | 'teamId' | 'meetrondeId'>;
let rounds: { id: number; name: string }[];

beforeAll(() => {
	// The demo's nulmeting uses version 1, its 1-meting version 2.
	temp = databaseWithQuestionnaires();
	seedDemo(temp.db);
	const gemeenteId = gemeenten.list(temp.db)[0].id;
	rounds = meetrondes.listForGemeente(temp.db, gemeenteId);
	base = {
		scope: { gemeenteId },
		questionnaireId: 'basisfuncties',
		average: 'teams',
		profile: 'alle'
	};
});
afterAll(() => temp.cleanup());

describe('a comparison across version 1 and version 3 (v2 plus gewenst)', () => {
	function teamOverRounds() {
		const team = buildComparison(temp.db, {
			...base,
			kind: 'teams',
			teamId: null,
			meetrondeId: rounds[0].id
		}).teams.find((t) => t.name === 'Wijkteam Noord')!;
		return buildComparison(temp.db, {
			...base,
			kind: 'rondes',
			teamId: team.id,
			meetrondeId: null
		});
	}

	it('follows a team over both rounds on the dimensions whose ids match, with a change', () => {
		const comparison = teamOverRounds();
		expect(comparison.rows).toHaveLength(2);
		expect(comparison.leftOut).toEqual([]);
		expect(comparison.dimensions.map((d) => d.id)).toEqual([
			'veilige-leefomgeving',
			'tijdig-signaleren',
			'vindbare-hulp',
			'brede-blik',
			'leren-verbeteren'
		]);
		expect(Object.values(comparison.rows[1].change!).every((c) => c !== null)).toBe(true);
	});

	it('says which statements differ between the versions', () => {
		const { versions } = teamOverRounds();
		expect(versions.versions).toEqual([1, 3]);
		expect(versions.leftOutDimensions).toEqual([]);
		const signaleren = versions.differences.find((d) => d.dimensionId === 'tijdig-signaleren')!;
		expect(signaleren.added.map((i) => i.id)).toEqual(['ts-7', 'ts-9', 'ts-10', 'ts-11']);
		expect(signaleren.removed.map((i) => i.id)).toEqual(['ts-1', 'ts-2', 'ts-3', 'ts-6']);
		expect(signaleren.reworded.map((i) => i.id)).toEqual(['ts-4']);
	});

	it('reports no differences for teams within one round on one version', () => {
		const comparison = buildComparison(temp.db, {
			...base,
			kind: 'teams',
			teamId: null,
			meetrondeId: rounds.find((r) => r.name.startsWith('1-meting'))!.id
		});
		expect(comparison.rows).toHaveLength(3);
		expect(comparison.versions.versions).toEqual([3]);
		expect(comparison.versions.differences).toEqual([]);
	});
});
