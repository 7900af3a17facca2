import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import readXlsxFile from 'read-excel-file/node';
import { FIGURE_COLUMNS } from '$lib/domain/figure-table';
import { comparisonCsv, comparisonXlsx, sessionCsv } from '$lib/server/figure-exports';
import { buildComparison, type ComparisonRequest } from '$lib/server/comparisons';
import * as conversation from '$lib/server/db/conversation';
import * as gemeenten from '$lib/server/db/gemeenten';
import * as meetrondes from '$lib/server/db/meetrondes';
import { seedDemo } from '$lib/server/seed';
import { loadQuestionnaireDir } from '$lib/server/questionnaires';
import { databaseWithQuestionnaires, QUESTIONNAIRES_DIR } from './helpers';

/** The demo's newest round uses the newest version of the basisfuncties: its statement count. */
const newestStatements = loadQuestionnaireDir(QUESTIONNAIRES_DIR)
	.filter((l) => l.questionnaire.id === 'basisfuncties')
	.sort((a, b) => a.questionnaire.version - b.questionnaire.version)
	.at(-1)!
	.questionnaire.dimensions.flatMap((d) => d.items).length;

let temp: ReturnType<typeof databaseWithQuestionnaires>;
let request: ComparisonRequest;

beforeAll(() => {
	temp = databaseWithQuestionnaires();
	seedDemo(temp.db);
	const gemeenteId = gemeenten.list(temp.db)[0].id;
	const rounds = meetrondes.listForGemeente(temp.db, gemeenteId);
	request = {
		scope: { gemeenteId },
		questionnaireId: 'basisfuncties',
		kind: 'teams',
		teamId: null,
		meetrondeId: rounds.find((r) => r.name.startsWith('1-meting'))!.id,
		average: 'teams',
		profile: 'alle'
	};
});
afterAll(() => temp.cleanup());

/** The CSV as rows of cells, header included; numbers keep their decimal comma. */
function parseCsv(text: string): string[][] {
	expect(text.charCodeAt(0)).toBe(0xfeff);
	return text
		.slice(1)
		.trimEnd()
		.split('\r\n')
		.map((line) => line.split(';'));
}

const number = (cell: string) => (cell === '' ? null : Number(cell.replace(',', '.')));

describe('comparison exports', () => {
	it('hold, per team on screen, the same dimension means as the comparison', () => {
		const comparison = buildComparison(temp.db, request);
		expect(comparison.rows).toHaveLength(3);
		const [header, ...lines] = parseCsv(comparisonCsv(temp.db, request, 'weergave'));
		expect(header).toEqual([...FIGURE_COLUMNS]);
		for (const row of comparison.rows) {
			for (const d of comparison.dimensions) {
				const line = lines.find((l) => l[0] === row.label && l[4] === 'onderwerp' && l[5] === d.id);
				expect(number(line![8])).toBeCloseTo(row.means[d.id]!, 2);
				expect(number(line![7])).toBe(row.counts[d.id]);
				// Change since the nulmeting, as on screen.
				expect(number(line![12])).toBeCloseTo(row.change![d.id]!, 2);
			}
		}
		expect(lines.filter((l) => l[4] === 'stelling')).toHaveLength(3 * newestStatements);
	});

	it('with everything asked for, hold every team in every round, sorted by team and round', () => {
		const [, ...lines] = parseCsv(comparisonCsv(temp.db, request, 'alles'));
		const sessions = [
			...new Set(lines.filter((l) => l[4] === 'onderwerp').map((l) => `${l[0]} | ${l[1]}`))
		];
		expect(sessions).toHaveLength(6);
		expect(sessions.map((s) => s.split(' | ')[0])).toEqual(
			[...sessions.map((s) => s.split(' | ')[0])].sort((a, b) => a.localeCompare(b, 'nl'))
		);
	});

	it('write an average with how it is formed', () => {
		const team = buildComparison(temp.db, request).teams[0];
		const average = { ...request, kind: 'gemiddelde' as const, teamId: team.id };
		const [, ...lines] = parseCsv(comparisonCsv(temp.db, average, 'weergave'));
		const averageLine = lines.find((l) => l[0].startsWith('Gemiddelde van 3 teams'));
		expect(averageLine?.[0]).toContain('elk team telt even zwaar');
	});

	it('give an Excel workbook with a summary, dimensions, statements and actions; text never runs as a formula', async () => {
		const comparison = buildComparison(temp.db, request);
		const first = comparison.rows[0];
		conversation.addAction(temp.db, first.sessionId!, {
			dimensionId: comparison.dimensions[0].id,
			what: '=HYPERLINK("https://example.com")',
			who: 'Team',
			dueOn: '2027-01-31',
			status: 'bezig'
		});
		const file = Buffer.from(
			await new Response(comparisonXlsx(temp.db, request, 'weergave', 'Proef')).arrayBuffer()
		);
		const sheets = await readXlsxFile(file);
		expect(sheets.map((s) => s.sheet)).toEqual([
			'Samenvatting',
			'Onderwerpen',
			'Stellingen',
			'Verbeteracties'
		]);
		const summary = sheets[0].data;
		expect(summary[0][0]).toBe('Proef');
		const headerAt = summary.findIndex((r) => r[0] === 'rij');
		const firstRow = summary[headerAt + 1];
		expect(firstRow[0]).toBe(first.label);
		expect(firstRow[2]).toBeCloseTo(first.means[comparison.dimensions[0].id]!, 10);

		const items = sheets[2].data;
		expect(items[0]).toEqual([...FIGURE_COLUMNS]);
		expect(items.length - 1).toBe(3 * newestStatements);

		const actions = sheets[3].data;
		expect(actions[1]).toEqual([
			first.label,
			'1-meting najaar 2026',
			comparison.dimensions[0].title,
			'=HYPERLINK("https://example.com")',
			'Team',
			// A date stays a date, and the status reads as on screen.
			new Date('2027-01-31T00:00:00Z'),
			'Bezig'
		]);
	});

	it('write figures with decimals always with two, and counts whole', () => {
		const [header, ...lines] = parseCsv(comparisonCsv(temp.db, request, 'weergave'));
		const mean = header.indexOf('gemiddelde');
		const n = header.indexOf('n');
		for (const line of lines.filter((l) => l[mean] !== '')) {
			expect(line[mean]).toMatch(/^\d+,\d\d$/);
			expect(line[n]).toMatch(/^\d+$/);
		}
	});
});

describe('the takenprofiel of a gemeente', () => {
	it('counts the round’s teams per task beside the national share, from their stored figures', () => {
		const comparison = buildComparison(temp.db, {
			...request,
			questionnaireId: 'takenprofiel',
			meetrondeId: meetrondes
				.listForGemeente(temp.db, (request.scope as { gemeenteId: number }).gemeenteId)
				.find((r) => r.name.startsWith('Nulmeting'))!.id
		});
		expect(comparison.taskProfile?.teams).toBe(3);
		const rows = comparison.taskProfile!.rows;
		expect(rows.length).toBe(12);
		for (const row of rows) {
			expect(row.teamsAnswering).toBe(3);
			expect(row.teamsDoing).toBeLessThanOrEqual(3);
			expect(row.reference?.percentage).toBeGreaterThan(0);
		}
		// The demo teams do some tasks and not others, as teams in the country do.
		expect(new Set(rows.map((r) => r.teamsDoing)).size).toBeGreaterThan(1);
	});

	it('is not shown for a questionnaire without national figures', () => {
		expect(buildComparison(temp.db, request).taskProfile).toBeNull();
	});
});

describe('teams by profile', () => {
	it('averages the teams that give help themselves apart from the others, in the chosen way', () => {
		const comparison = buildComparison(temp.db, request);
		const groups = comparison.profileGroups;
		expect(groups.map((g) => [g.label, g.teams])).toEqual([
			['Teams die zelf hulp bieden', 2],
			['Teams die geen hulp bieden', 1],
			['Alle teams', 3]
		]);
		const only = buildComparison(temp.db, { ...request, profile: 'geen-zelf-hulp' });
		expect(only.rows).toHaveLength(1);
		const id = comparison.dimensions[0].id;
		expect(groups[1].means[id]).toBeCloseTo(only.rows[0].means[id]!, 12);
		const all = comparison.rows.map((r) => r.means[id]!);
		expect(groups[2].means[id]).toBeCloseTo(all.reduce((a, b) => a + b, 0) / all.length, 12);
	});
});

describe('the export of one session', () => {
	it('gives the same change since the previous round as the comparison', () => {
		const comparison = buildComparison(temp.db, request);
		const row = comparison.rows[0];
		const [, ...lines] = parseCsv(sessionCsv(temp.db, row.sessionId!, () => true)!);
		for (const d of comparison.dimensions) {
			const line = lines.find((l) => l[4] === 'onderwerp' && l[5] === d.id)!;
			expect(number(line[12])).toBeCloseTo(row.change![d.id]!, 2);
		}
	});
});
