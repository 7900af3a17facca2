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
						fc.string().filter((s) => !/^[=+\-@]/.test(s)),
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
});
