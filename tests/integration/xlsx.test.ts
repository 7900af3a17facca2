import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { workbook } from '$lib/server/xlsx';

const read = async (stream: ReadableStream<Uint8Array>) =>
	Buffer.from(await new Response(stream).arrayBuffer());

describe('the streamed XLSX writer', () => {
	it('writes a workbook a spreadsheet reads back cell for cell, also when a sheet spans many compressed segments', async () => {
		// About 2 MB of sheet XML: many deflate segments in one entry.
		const rows = Array.from({ length: 12_000 }, (_, i) => [
			`Team ${i} & "zo" <verder>`,
			i,
			i / 7,
			'2026-03-01'
		]);
		const file = await read(
			workbook([
				{
					name: 'Cijfers',
					lines: ['Titel', 'Tweede regel'],
					header: ['team', 'respondenten', 'gemiddelde', 'wanneer'],
					rows
				},
				{ name: 'Leeg', header: ['niets'], rows: [] }
			])
		);
		const [cijfers, leeg] = await readXlsxFile(file);
		expect(cijfers.sheet).toBe('Cijfers');
		expect(cijfers.data[0][0]).toBe('Titel');
		expect(cijfers.data[3]).toEqual(['team', 'respondenten', 'gemiddelde', 'wanneer']);
		expect(cijfers.data).toHaveLength(4 + rows.length);
		const last = cijfers.data.at(-1)!;
		expect(last.slice(0, 3)).toEqual(['Team 11999 & "zo" <verder>', 11999, 11999 / 7]);
		expect(last[3]).toEqual(new Date('2026-03-01T00:00:00Z'));
		expect(leeg.data).toEqual([['niets']]);
	});

	it('keeps text that looks like a formula as text, keeps white space at the ends, and drops characters XML cannot hold', async () => {
		const file = await read(
			workbook([
				{
					name: 'Tekst',
					header: ['actie'],
					rows: [['=1+1'], ['@SUM(A1)'], ['bel\u0007 op'], ['  met spaties  ']]
				}
			])
		);
		const [sheet] = await readXlsxFile(file, { trim: false });
		expect(sheet.data.slice(1)).toEqual([['=1+1'], ['@SUM(A1)'], ['bel op'], ['  met spaties  ']]);
	});
});
