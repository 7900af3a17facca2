import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURE_COLUMNS } from '$lib/domain/figure-table';
import { comparisonCsv } from '$lib/server/figure-exports';
import { buildComparison, type ComparisonRequest } from '$lib/server/comparisons';
import * as gemeenten from '$lib/server/db/gemeenten';
import * as meetrondes from '$lib/server/db/meetrondes';
import * as results from '$lib/server/db/results';
import { seedDemo } from '$lib/server/seed';
import { databaseWithQuestionnaires } from './helpers';

/** Comparing "gewenst": the demo's newest round is on version 2, which asks it. */

let temp: ReturnType<typeof databaseWithQuestionnaires>;
let newest: ComparisonRequest;
let nulmeting: ComparisonRequest;

beforeAll(() => {
	temp = databaseWithQuestionnaires();
	seedDemo(temp.db);
	const gemeenteId = gemeenten.list(temp.db)[0].id;
	const rounds = meetrondes.listForGemeente(temp.db, gemeenteId);
	const base = {
		scope: { gemeenteId },
		questionnaireId: 'basisfuncties',
		kind: 'teams' as const,
		teamId: null,
		average: 'teams' as const,
		profile: 'alle' as const,
		measure: 'gewenst' as const
	};
	newest = { ...base, meetrondeId: rounds.find((r) => r.name.startsWith('1-meting'))!.id };
	nulmeting = { ...base, meetrondeId: rounds.find((r) => r.name.startsWith('Nulmeting'))!.id };
});
afterAll(() => temp.cleanup());

describe('a comparison of "gewenst"', () => {
	it('shows each team\'s "gewenst" means as passed by the gate, not its scores now', () => {
		const comparison = buildComparison(temp.db, newest);
		expect(comparison.measure).toBe('gewenst');
		expect(comparison.offersDesired).toBe(true);
		expect(comparison.rows.length).toBeGreaterThan(0);
		const figures = results.forSessions(
			temp.db,
			comparison.rows.map((r) => r.sessionId!),
			['dimensions']
		);
		for (const row of comparison.rows) {
			const dimensions = figures.get(row.sessionId!)!.dimensions;
			for (const d of dimensions) {
				expect(row.means[d.dimensionId]).toBe(d.desired!.mean);
				expect(row.means[d.dimensionId]).not.toBe(d.mean);
			}
		}
	});

	it('leaves out sessions on a version that did not ask "gewenst", and says why', () => {
		const comparison = buildComparison(temp.db, nulmeting);
		expect(comparison.rows).toEqual([]);
		expect(comparison.leftOut.length).toBeGreaterThan(0);
		for (const left of comparison.leftOut) {
			expect(left.reason).toBe('deze versie van de vragenlijst vroeg niet waar het team wil staan');
		}
	});

	it('writes an average of "gewenst" in the "gewenst" columns only', () => {
		const team = buildComparison(temp.db, newest).teams[0];
		const csv = comparisonCsv(
			temp.db,
			{ ...newest, kind: 'gemiddelde', teamId: team.id },
			'weergave'
		);
		const [header, ...lines] = csv
			.slice(1)
			.trimEnd()
			.split('\r\n')
			.map((line) => line.split(';'));
		expect(header).toEqual([...FIGURE_COLUMNS]);
		const column = (name: string) => header.indexOf(name);
		const average = lines.filter((l) => l[0].startsWith('Gemiddelde van'));
		expect(average.length).toBeGreaterThan(0);
		for (const line of average) {
			expect(line[column('gemiddelde')]).toBe('');
			expect(line[column('gewenst_gemiddelde')]).toMatch(/^\d,\d+$/);
		}
	});
});
