import writeXlsxFile, { type Cell, type Sheet } from 'write-excel-file/node';
import { isDecimalColumn, type CsvValue } from '$lib/domain/csv';

/** One worksheet: a title block of plain lines, then a table with a bold header. */
export interface WorksheetSpec {
	name: string;
	lines?: string[];
	header: readonly string[];
	rows: readonly CsvValue[][];
	/** width per column, in characters */
	widths?: number[];
}

/** Two decimals, as on screen; counts and shares get their own format. */
function cell(value: CsvValue, column: string): Cell {
	if (value === null || value === undefined || value === '') return null;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return null;
		const format = column.startsWith('aandeel') ? '0%' : isDecimalColumn(column) ? '0.00' : '0';
		return { value, type: Number, format };
	}
	// A date stays a date, so a spreadsheet can sort and filter on it.
	if (column === 'wanneer' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
		return { value: new Date(`${value}T00:00:00Z`), type: Date, format: 'dd-mm-yyyy' };
	}
	return { value, type: String };
}

/**
 * An Excel workbook (XLSX) of the given sheets. Text stays text: a cell that starts with "=" is
 * written as a string, never as a formula, so nothing a team typed can run in a spreadsheet.
 */
export async function workbook(sheets: readonly WorksheetSpec[]): Promise<Buffer> {
	const built: Sheet<Buffer>[] = sheets.map((spec) => {
		const titleRows = (spec.lines ?? []).map((line, i) => [
			{ value: line, type: String, fontWeight: i === 0 ? ('bold' as const) : undefined }
		]);
		const gap = titleRows.length ? [[null]] : [];
		const header = spec.header.map((h) => ({
			value: h,
			type: String,
			fontWeight: 'bold' as const
		}));
		const rows = spec.rows.map((row) => row.map((v, i) => cell(v, spec.header[i] ?? '')));
		return {
			sheet: spec.name.slice(0, 31),
			data: [...titleRows, ...gap, header, ...rows],
			columns: spec.header.map((h, i) => ({
				width: spec.widths?.[i] ?? Math.max(10, h.length + 2)
			})),
			stickyRowsCount: titleRows.length + gap.length + 1
		};
	});
	return writeXlsxFile(built).toBuffer();
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
