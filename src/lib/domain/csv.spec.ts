import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvField, csvNumber, toCsv } from './csv';

/** A small CSV reader for the round trip: semicolons, quotes, doubled quotes. */
function parse(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted && c === '"' && text[i + 1] === '"') {
			field += '"';
			i++;
		} else if (quoted && c === '"') {
			quoted = false;
		} else if (quoted) {
			field += c;
		} else if (c === '"') {
			quoted = true;
		} else if (c === ';') {
			row.push(field);
			field = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else {
			field += c;
		}
	}
	return rows;
}

describe('csv', () => {
	it('starts with a BOM and uses semicolons and decimal commas', () => {
		const text = toCsv(['team', 'gemiddelde'], [['Noord', 3.456]]);
		expect(text.startsWith('\uFEFF')).toBe(true);
		expect(text).toBe('\uFEFFteam;gemiddelde\r\nNoord;3,46\r\n');
		expect(csvNumber(4)).toBe('4');
		expect(csvNumber(null)).toBe('');
	});

	it('gives back every text field unchanged after a round trip', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.array(
						fc.string().filter((s) => !/^[=+\-@\t\r]/.test(s)),
						{ minLength: 2, maxLength: 2 }
					),
					{ maxLength: 5 }
				),
				(rows) => {
					const text = toCsv(['a', 'b'], rows);
					expect(parse(text.slice(1))).toEqual([['a', 'b'], ...rows]);
				}
			)
		);
	});

	it('neutralises text that Excel would run as a formula', () => {
		expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
		expect(csvField(-1.5)).toBe('-1,50');
	});

	it('quotes a cell with a comma, so a comma-splitting spreadsheet sees no formula', () => {
		// The team name from the outside probe (issue 10, W10).
		const cell = csvField("Wijk,=cmd|' /C calc'!A0");
		expect(cell).toBe('"Wijk,=cmd|\' /C calc\'!A0"');
		// Split on commas outside quotes: nothing may start with a formula character.
		const pieces = cell.match(/("[^"]*"|[^,]+)/g) ?? [];
		expect(pieces).toEqual([cell]);
	});

	it('neutralises a leading formula character even when the cell needs quoting', () => {
		expect(csvField('=1+1;2')).toBe('"\'=1+1;2"');
		expect(csvField('\t=1')).toBe('"\'\t=1"');
		expect(csvField('\r=1')).toBe('"\'\r=1"');
		expect(csvField('@SUM(A1),x')).toBe('"\'@SUM(A1),x"');
	});

	it('never lets a text cell start with a formula character outside quotes', () => {
		fc.assert(
			fc.property(fc.string(), (text) => {
				const cell = csvField(text);
				const inner = cell.startsWith('"') ? cell.slice(1) : cell;
				if (text.length > 0) expect(inner).not.toMatch(/^[=+\-@\t\r]/);
				// Outside quotes there is no comma or semicolon to split on.
				if (!cell.startsWith('"')) expect(cell).not.toMatch(/[;,"\r\n\t]/);
			})
		);
	});
});
