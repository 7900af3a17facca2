import { isDecimalColumn, type CsvValue } from '$lib/domain/csv';
import { zipStream } from './zip-stream';

/** One worksheet: a title block of plain lines, then a table with a bold header. */
export interface WorksheetSpec {
	name: string;
	lines?: string[];
	header: readonly string[];
	/** read once, while the file is sent */
	rows: Iterable<readonly CsvValue[]>;
	/** width per column, in characters */
	widths?: number[];
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Cell styles, by their index in styles.xml's cellXfs. */
const STYLE = { text: 0, bold: 1, whole: 2, decimal: 3, share: 4, date: 5 } as const;

const STYLES =
	`${HEAD}<styleSheet xmlns="${MAIN}">` +
	'<numFmts count="1"><numFmt numFmtId="164" formatCode="dd-mm-yyyy"/></numFmts>' +
	'<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>' +
	'<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
	'<fills count="2"><fill><patternFill patternType="none"/></fill>' +
	'<fill><patternFill patternType="gray125"/></fill></fills>' +
	'<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
	'<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
	'<cellXfs count="6">' +
	'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
	'<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
	// Built-in formats 1 "0", 2 "0.00" and 9 "0%"; 164 is the date format above.
	'<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
	'<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
	'<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
	'<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
	'</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
	'</styleSheet>';

/** Characters XML 1.0 does not allow (control characters other than tab and line ends). */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function escapeXml(text: string): string {
	return text
		.replace(INVALID_XML, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/** A, B, ..., Z, AA, ... */
function columnName(index: number): string {
	let name = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
		name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
	}
	return name;
}

/** Days since 30-12-1899, as spreadsheets count dates. */
const serialDate = (isoDay: string) =>
	(Date.parse(`${isoDay}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

/**
 * One cell. Text is always an inline string, never a formula, so nothing a team typed can run in
 * a spreadsheet. Two decimals, as on screen; counts and shares get their own format.
 */
function cell(ref: string, value: CsvValue, column: string, bold = false): string {
	if (value === null || value === undefined || value === '') return '';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return '';
		const style = column.startsWith('aandeel')
			? STYLE.share
			: isDecimalColumn(column)
				? STYLE.decimal
				: STYLE.whole;
		return `<c r="${ref}" s="${style}"><v>${value}</v></c>`;
	}
	// A date stays a date, so a spreadsheet can sort and filter on it.
	if (column === 'wanneer' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
		return `<c r="${ref}" s="${STYLE.date}"><v>${serialDate(value)}</v></c>`;
	}
	const style = bold ? ` s="${STYLE.bold}"` : '';
	// Only text that starts or ends with white space needs it kept; most cells save the attribute.
	const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : '';
	return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${escapeXml(value)}</t></is></c>`;
}

/** The worksheet's XML, a row at a time. */
function* sheetXml(spec: WorksheetSpec): Generator<string> {
	const titleRows = spec.lines ?? [];
	const frozen = titleRows.length + (titleRows.length ? 1 : 0) + 1;
	const columns = spec.header.map((_, i) => columnName(i));
	yield (
		`${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheetViews><sheetView workbookViewId="0">` +
		`<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/>` +
		'</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>'
	);
	yield spec.header
		.map((h, i) => {
			const width = spec.widths?.[i] ?? Math.max(10, h.length + 2);
			return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`;
		})
		.join('');
	yield '</cols><sheetData>';
	let r = 0;
	for (const [i, line] of titleRows.entries()) {
		r++;
		yield `<row r="${r}">${cell(`A${r}`, line, '', i === 0)}</row>`;
	}
	if (titleRows.length) r++; // an empty row between the title block and the table
	r++;
	yield `<row r="${r}">${spec.header.map((h, i) => cell(`${columns[i]}${r}`, h, '', true)).join('')}</row>`;
	for (const row of spec.rows) {
		r++;
		let xml = `<row r="${r}">`;
		for (let i = 0; i < row.length; i++) {
			xml += cell(`${columns[i] ?? columnName(i)}${r}`, row[i], spec.header[i] ?? '');
		}
		yield `${xml}</row>`;
	}
	yield '</sheetData></worksheet>';
}

/**
 * An Excel workbook (XLSX) of the given sheets, written while it is sent: the rows become XML and
 * compressed chunks as the client reads, so the file is never whole in memory.
 */
export function workbook(
	sheets: readonly WorksheetSpec[],
	at = new Date()
): ReadableStream<Uint8Array> {
	const names = sheets.map((s) => escapeXml(s.name.slice(0, 31)));
	const single = (text: string) => () => [text];
	return zipStream(
		[
			{
				name: '[Content_Types].xml',
				content: single(
					`${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
						'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
						'<Default Extension="xml" ContentType="application/xml"/>' +
						'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
						'<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
						sheets
							.map(
								(_, i) =>
									`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
							)
							.join('') +
						'</Types>'
				)
			},
			{
				name: '_rels/.rels',
				content: single(
					`${HEAD}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
						`<Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>` +
						'</Relationships>'
				)
			},
			{
				name: 'xl/workbook.xml',
				content: single(
					`${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets>` +
						names
							.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
							.join('') +
						'</sheets></workbook>'
				)
			},
			{
				name: 'xl/_rels/workbook.xml.rels',
				content: single(
					`${HEAD}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
						sheets
							.map(
								(_, i) =>
									`<Relationship Id="rId${i + 1}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
							)
							.join('') +
						`<Relationship Id="rId${sheets.length + 1}" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/>` +
						'</Relationships>'
				)
			},
			{ name: 'xl/styles.xml', content: single(STYLES) },
			...sheets.map((spec, i) => ({
				name: `xl/worksheets/sheet${i + 1}.xml`,
				content: () => sheetXml(spec)
			}))
		],
		at
	);
}
