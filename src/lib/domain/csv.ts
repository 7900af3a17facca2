/** CSV that Dutch Excel opens as it should: UTF-8 with BOM, semicolons, decimal commas. */

export type CsvValue = string | number | null | undefined;

/** A number with a decimal comma and no thousands separator; empty for missing values. */
export function csvNumber(value: number | null | undefined, digits = 2): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '';
	return Number.isInteger(value) ? String(value) : value.toFixed(digits).replace('.', ',');
}

/** Quotes a field when it holds a separator, a quote or a line break; doubles inner quotes. */
export function csvField(value: CsvValue): string {
	const text = typeof value === 'number' ? csvNumber(value) : (value ?? '');
	// A leading =, +, - or @ would make Excel run it as a formula: neutralise it.
	const safe = /^[=+\-@]/.test(text) && typeof value !== 'number' ? `'${text}` : text;
	return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole file: BOM, header line, rows, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly CsvValue[][]): string {
	return (
		'\uFEFF' + [header, ...rows].map((row) => row.map(csvField).join(';')).join('\r\n') + '\r\n'
	);
}
