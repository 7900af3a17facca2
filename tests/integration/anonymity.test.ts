import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { effectiveMinimum } from '$lib/domain/anonymity';
import { FIGURE_COLUMNS } from '$lib/domain/figure-table';
import type { Questionnaire } from '$lib/domain/questionnaire';
import { buildComparison } from '$lib/server/comparisons';
import { exportCsv, exportData } from '$lib/server/data-export';
import * as gemeenten from '$lib/server/db/gemeenten';
import * as meetrondes from '$lib/server/db/meetrondes';
import * as questionnaireVersions from '$lib/server/db/questionnaire-versions';
import * as responses from '$lib/server/db/responses';
import * as results from '$lib/server/db/results';
import * as sessions from '$lib/server/db/sessions';
import * as teams from '$lib/server/db/teams';
import { comparisonCsv, sessionCsv } from '$lib/server/figure-exports';
import { buildSessionResults } from '$lib/server/session-results';
import { databaseWithQuestionnaires } from './helpers';

/**
 * The promise to every team member, as a property: whatever the team did (1 to 15 people,
 * "weet ik niet" on whole topics, questionnaires left half-filled, minimums 3 to 8), no reader of
 * figures and no export returns a figure that rests on fewer people than the session's minimum.
 */

let temp: ReturnType<typeof databaseWithQuestionnaires>;
let gemeenteId: number;
let roundId: number;

beforeAll(() => {
	temp = databaseWithQuestionnaires();
	gemeenteId = gemeenten.create(temp.db, 'Proefstad');
	roundId = meetrondes.create(temp.db, {
		name: 'Ronde',
		startsOn: '2026-01-01',
		endsOn: '2026-02-01',
		gemeenteId
	});
});
afterAll(() => temp.cleanup());

type Mode = 'score' | 'dontKnow' | 'skip';
const person = fc.record({
	/** sent, saved but never sent, or opened without an answer */
	kind: fc.constantFrom('sent', 'sent', 'partial', 'empty'),
	/** per dimension: answers it, says "weet ik niet" throughout, or skips it */
	modes: fc.array(fc.constantFrom<Mode>('score', 'score', 'dontKnow', 'skip'), {
		minLength: 6,
		maxLength: 6
	}),
	values: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 40, maxLength: 40 }),
	/** some statements skipped even in an answered dimension */
	gaps: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 })
});
const scenario = fc.record({
	questionnaireId: fc.constantFrom('basisfuncties', 'stevig-lokaal-team', 'takenprofiel'),
	people: fc.array(person, { minLength: 1, maxLength: 15 }),
	minRespondents: fc.integer({ min: 3, max: 8 })
});

type Person = typeof person extends fc.Arbitrary<infer T> ? T : never;

/** Per person and statement the value given, null for "weet ik niet", absent when skipped. */
function answersOf(q: Questionnaire, p: Person) {
	const out = new Map<string, number | null>();
	let index = 0;
	q.dimensions.forEach((d, di) => {
		const mode = p.modes[di % p.modes.length];
		for (const item of d.items) {
			const i = index++ % 40;
			if (mode === 'skip' || p.kind === 'empty') continue;
			if (mode === 'dontKnow') out.set(item.id, null);
			else if (!p.gaps[i]) out.set(item.id, p.values[i]);
		}
	});
	return out;
}

/** How many counted people gave a score on these statements: worked out apart from the app. */
function scorersOf(counted: Map<string, number | null>[], itemIds: string[]): number {
	return counted.filter((a) => itemIds.some((id) => typeof a.get(id) === 'number')).length;
}

function parseCsv(text: string): Record<string, string>[] {
	const [header, ...lines] = text.slice(1).trimEnd().split('\r\n');
	const columns = header.split(';');
	return lines.map((line) => Object.fromEntries(line.split(';').map((c, i) => [columns[i], c])));
}

describe('no figure rests on fewer people than the minimum', () => {
	it('holds for every reader and export, for random sessions (property)', () => {
		let teamNumber = 0;
		fc.assert(
			fc.property(scenario, ({ questionnaireId, people, minRespondents }) => {
				const versionId = questionnaireVersions.find(temp.db, questionnaireId, 1)!.id;
				const q = questionnaireVersions.definition(temp.db, versionId)!;
				const teamId = teams.create(temp.db, {
					gemeenteId,
					name: `Team ${++teamNumber}`,
					tasks: [],
					composition: null,
					legalForm: null,
					targetGroup: null
				});
				const { id } = sessions.create(temp.db, {
					teamId,
					meetrondeId: roundId,
					questionnaireVersionId: versionId,
					minRespondents
				});
				sessions.open(temp.db, id);
				const counted: Map<string, number | null>[] = [];
				for (const p of people) {
					const given = answersOf(q, p);
					const r = responses.start(temp.db, id);
					responses.saveAnswers(
						temp.db,
						r.id,
						[...given].map(([itemId, value]) => ({
							itemId,
							value,
							dontKnow: value === null,
							flagged: false
						}))
					);
					if (p.kind === 'sent') responses.submit(temp.db, r.id);
					// Closing counts sent ones and those with an answer; empty unsent ones drop out.
					if (p.kind === 'sent' || given.size > 0) counted.push(given);
				}
				sessions.close(temp.db, id);
				const minimum = effectiveMinimum(minRespondents);
				const released = results.release(temp.db, id);
				expect(released).toBe(counted.length >= minimum);

				const itemsOf = (dimensionId: string) =>
					q.dimensions.find((d) => d.id === dimensionId)!.items.map((i) => i.id);
				const checkDimension = (dimensionId: string, n: number, mean: number | null) => {
					expect(n).toBe(scorersOf(counted, itemsOf(dimensionId)));
					if (mean !== null) expect(n).toBeGreaterThanOrEqual(minimum);
				};
				const checkItem = (itemId: string, n: number, mean: number | null) => {
					expect(n).toBe(scorersOf(counted, [itemId]));
					if (mean !== null) expect(n).toBeGreaterThanOrEqual(minimum);
				};

				// 1. The gate itself, one session and many.
				const data = results.forSession(temp.db, id);
				expect(data.visible).toBe(released);
				const many = results.forSessions(temp.db, [id], ['dimensions', 'items', 'taskProfile']);
				expect(many.has(id)).toBe(released);
				if (!data.visible) return;
				for (const figures of [data.figures, many.get(id)!]) {
					for (const d of figures.dimensions) checkDimension(d.dimensionId, d.n, d.mean);
					for (const i of figures.items) checkItem(i.itemId, i.n, i.mean);
					for (const row of figures.taskProfile) {
						if (row.counts) {
							expect(row.counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(minimum);
						}
						if (row.assignment) {
							const { ja, nee, weetNiet } = row.assignment;
							expect(ja + nee + weetNiet).toBeGreaterThanOrEqual(minimum);
						}
					}
					expect(JSON.stringify(figures)).not.toMatch(/"(min|max|median|q1|q3)":/);
				}

				// 2. The results page's data, chart included.
				const page = buildSessionResults(temp.db, id, q, {
					includeComments: true,
					order: 'verschil'
				});
				if (!page.visible) throw new Error('released, so visible');
				page.dimensions.forEach((d, index) => {
					checkDimension(d.dimensionId, d.n, d.mean);
					// A takenprofiel v2 has no radar (more tasks is not better).
					if (!page.radar) return;
					const values = page.radar.data.datasets.map((set) => set.data[index]);
					if (d.suppressed) expect(values.every((v) => v === null)).toBe(true);
				});
				for (const i of page.agenda) checkItem(i.itemId, i.n, i.mean);

				// 3. The session CSV.
				for (const line of parseCsv(sessionCsv(temp.db, id, () => true)!)) {
					const n = Number(line.n);
					const mean = line.gemiddelde === '' ? null : 1;
					if (line.niveau === 'onderwerp') checkDimension(line.id, n, mean);
					else checkItem(line.id, n, mean);
					if (mean === null) expect(line.standaardafwijking).toBe('');
				}

				// 4. The comparison of this round, on screen and as CSV.
				const request = {
					scope: { gemeenteId },
					questionnaireId,
					kind: 'teams' as const,
					teamId: null,
					meetrondeId: roundId,
					average: 'respondenten' as const,
					profile: 'alle' as const
				};
				const comparison = buildComparison(temp.db, request);
				const row = comparison.rows.find((r) => r.sessionId === id)!;
				for (const d of comparison.dimensions) {
					if (row.means[d.id] !== null) checkDimension(d.id, row.counts[d.id], row.means[d.id]);
				}
				for (const taskRow of comparison.taskProfile?.rows ?? []) {
					expect(taskRow.teamsAnswering + taskRow.teamsTooFew).toBeLessThanOrEqual(
						comparison.taskProfile!.teams
					);
				}
				const team = `Team ${teamNumber}`;
				for (const line of parseCsv(comparisonCsv(temp.db, request, 'weergave'))) {
					if (line.team !== team) continue;
					const mean = line.gemiddelde === '' ? null : 1;
					if (line.niveau === 'onderwerp') checkDimension(line.id, Number(line.n), mean);
					else checkItem(line.id, Number(line.n), mean);
				}

				// 5. The AVG export of the team, JSON and CSV.
				const exported = exportData(temp.db, { teamId });
				const json = exported.teams[0].sessions[0].results;
				if (typeof json === 'string') throw new Error('released, so exported');
				for (const d of json.dimensions) checkDimension(d.dimensionId, d.n, d.mean);
				for (const i of json.items) checkItem(i.itemId, i.n, i.mean);
				expect(Object.keys(parseCsv(exportCsv(exported))[0] ?? {})).toEqual([...FIGURE_COLUMNS]);
			}),
			{ numRuns: 40 }
		);
	});
});
