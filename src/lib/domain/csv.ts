/** CSV that Dutch Excel opens as it should: UTF-8 with BOM, semicolons, decimal commas. */

export type CsvValue = string | number | null | undefined;

/** A number with a decimal comma and no thousands separator; empty for missing values. */
export function csvNumber(value: number | null | undefined, digits = 2): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '';
	return Number.isInteger(value) ? String(value) : value.toFixed(digits).replace('.', ',');
}

/** Columns of figures with decimals: always two, so "3,00" and "3,20" line up (counts stay whole). */
export function isDecimalColumn(column: string): boolean {
	return /gemiddelde|afwijking|verandering|aandeel/.test(column);
}

/** Starts a formula in Excel, LibreOffice or Google Sheets (tab and CR too, after trimming). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Quotes a field when it holds a separator (ours is ";", but a spreadsheet may split on ","),
 * a quote or a line break, and doubles inner quotes. Text that starts like a formula gets a
 * leading ' first, quoted or not.
 */
export function csvField(value: CsvValue, column = ''): string {
	// Our own numbers: digits, a minus sign and a decimal comma that is not a separator here.
	if (typeof value === 'number') {
		return isDecimalColumn(column) && Number.isFinite(value)
			? value.toFixed(2).replace('.', ',')
			: csvNumber(value);
	}
	const text = value ?? '';
	const safe = FORMULA_START.test(text) ? `'${text}` : text;
	return /[;,"\t\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The file line by line, each with its CRLF: the BOM and header line first, then the rows. */
export function* csvLines(
	header: readonly string[],
	rows: Iterable<readonly CsvValue[]>
): Generator<string> {
	yield '\uFEFF' + header.map((h) => csvField(h)).join(';') + '\r\n';
	for (const row of rows) {
		yield row.map((value, i) => csvField(value, header[i])).join(';') + '\r\n';
	}
}

/** The whole file: BOM, header line, rows, CRLF line ends. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
	return [...csvLines(header, rows)].join('');
}
