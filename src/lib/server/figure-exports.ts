import { changes, sameDimensions } from '$lib/domain/compare';
import { csvLines, toCsv, type CsvValue } from '$lib/domain/csv';
import {
	ACTION_COLUMNS,
	actionLine,
	averageLines,
	FIGURE_COLUMNS,
	figureLines,
	type SessionFigureSet
} from '$lib/domain/figure-table';
import { suppressedSentence } from '$lib/domain/anonymity';
import { gapSentence } from '$lib/domain/desired';
import { resultSummary } from '$lib/domain/scoring';
import { taskProfileSummary } from '$lib/domain/task-assignment';
import { buildComparison, type ComparisonRequest } from './comparisons';
import type { Db } from './db';
import * as conversation from './db/conversation';
import * as results from './db/results';
import * as sessions from './db/sessions';
import { workbook } from './xlsx';

/** What an export holds: the sessions of the rows on screen, or every session in the scope. */
export type ExportExtent = 'weergave' | 'alles';

export const READING_NOTE =
	'Zo lees je deze cijfers: ze zijn er om samen van te leren, niet om teams te beoordelen. ' +
	'Een gemiddelde zegt niet alles: kijk ook naar de spreiding (standaardafwijking). ' +
	'Veel spreiding betekent dat teamleden verschillend denken; dat is een goed begin van het gesprek.';

/**
 * The figures behind a comparison, ready for a file: per session the dimension and statement
 * statistics (computed when the session closed), averages as on screen, and the verbeteracties.
 */
export function comparisonExport(db: Db, request: ComparisonRequest, extent: ExportExtent) {
	const comparison = buildComparison(db, request);
	const chosen =
		extent === 'alles'
			? [...comparison.sessions].sort(
					(a, b) =>
						a.teamName.localeCompare(b.teamName, 'nl') ||
						a.startsOn.localeCompare(b.startsOn) ||
						a.sessionId - b.sessionId
				)
			: comparison.rows.flatMap((r) =>
					comparison.sessions.filter((s) => s.sessionId === r.sessionId)
				);
	const stored = results.forSessions(
		db,
		chosen.map((s) => s.sessionId),
		['dimensions', 'items', 'taskProfile']
	);
	const sets: SessionFigureSet[] = chosen.map((s) => ({
		teamName: s.teamName,
		meetrondeName: s.meetrondeName,
		questionnaireId: request.questionnaireId,
		version: s.version,
		dimensions: stored.get(s.sessionId)?.dimensions ?? [],
		items: stored.get(s.sessionId)?.items ?? [],
		taskProfile: stored.get(s.sessionId)?.taskProfile,
		change: s.change
	}));
	const bySession = new Map(chosen.map((s) => [s.sessionId, s]));
	const titles = new Map(comparison.dimensions.map((d) => [d.id, d.title]));
	const actions = conversation
		.actionsOfSessions(
			db,
			chosen.map((s) => s.sessionId)
		)
		.map((a) => actionLine(bySession.get(a.sessionId)!, titles, a));
	const average = comparison.rows.find((r) => r.isAverage);
	const round = comparison.rounds.find((r) => r.id === request.meetrondeId);
	const figureRows = [
		...figureLines(sets),
		...(extent === 'weergave' && average
			? averageLines(
					{
						label: `${average.label} (${comparison.averageLabel})`,
						meetrondeName: round?.name ?? '',
						questionnaireId: request.questionnaireId
					},
					comparison.dimensions,
					average.means,
					average.counts,
					comparison.measure
				)
			: [])
	];
	return { comparison, figureRows, actions };
}

/** The comparison's CSV line by line (read the figures first, write while sending). */
export function comparisonCsvLines(
	db: Db,
	request: ComparisonRequest,
	extent: ExportExtent
): Generator<string> {
	return csvLines(FIGURE_COLUMNS, comparisonExport(db, request, extent).figureRows);
}

export function comparisonCsv(db: Db, request: ComparisonRequest, extent: ExportExtent): string {
	return [...comparisonCsvLines(db, request, extent)].join('');
}

/**
 * The workbook: a summary with the table as on screen, then dimensions, statements and actions.
 * The figures are read now (under the rules, at this moment); the file is written while it is sent.
 */
export function comparisonXlsx(
	db: Db,
	request: ComparisonRequest,
	extent: ExportExtent,
	title: string
): ReadableStream<Uint8Array> {
	const { comparison, figureRows, actions } = comparisonExport(db, request, extent);
	const ids = comparison.dimensions.map((d) => d.id);
	const overview = comparison.rows.map((r): CsvValue[] => [
		r.label,
		r.respondents,
		...ids.map((id) => r.means[id]),
		...ids.map((id) => r.change?.[id] ?? null)
	]);
	const dimensionRows = figureRows.filter((line) => line[4] === 'onderwerp');
	const itemRows = figureRows.filter((line) => line[4] === 'stelling');
	return workbook([
		{
			name: 'Samenvatting',
			lines: [
				title,
				`Gemaakt op ${new Date().toLocaleDateString('nl-NL', { dateStyle: 'long' })}`,
				comparison.summary,
				...(comparison.averageLabel ? [`Gemiddelde: ${comparison.averageLabel}.`] : []),
				...(extent === 'alles'
					? [
							'De tabel hieronder is de vergelijking op het scherm. De tabbladen Onderwerpen en Stellingen hebben alle teams en meetrondes die aan de anonimiteitsregel voldoen.'
						]
					: comparison.leftOut.map((l) => `Niet meegenomen: ${l.label} (${l.reason}).`)),
				READING_NOTE
			],
			header: [
				'rij',
				'respondenten',
				...comparison.dimensions.map(
					(d) => `${comparison.measure === 'gewenst' ? 'gewenst' : 'gemiddelde'} ${d.chartLabel}`
				),
				...comparison.dimensions.map((d) => `verandering ${d.chartLabel}`)
			],
			rows: overview,
			widths: [34, 13, ...ids.flatMap(() => [14]), ...ids.map(() => 16)]
		},
		{
			name: 'Onderwerpen',
			header: FIGURE_COLUMNS,
			rows: dimensionRows,
			widths: FIGURE_WIDTHS
		},
		{ name: 'Stellingen', header: FIGURE_COLUMNS, rows: itemRows, widths: FIGURE_WIDTHS },
		{
			name: 'Verbeteracties',
			header: ACTION_COLUMNS,
			rows: actions,
			widths: ACTION_WIDTHS
		}
	]);
}

export const FIGURE_WIDTHS = [
	24, 26, 20, 8, 11, 24, 50, 6, 12, 10, 20, 22, 24, 13, 10, 18, 16, 18, 12, 12, 18, 10, 22, 10
];
const ACTION_WIDTHS = [24, 26, 30, 50, 20, 12, 18];

/** `omvang=alles` in the URL asks for every session in scope; anything else for the view. */
export function exportExtent(url: URL): ExportExtent {
	return url.searchParams.get('omvang') === 'alles' ? 'alles' : 'weergave';
}

/**
 * One session's figures for a file, under the anonymity rule (null when they may not be shown),
 * with the change per dimension since the team's previous session of the same questionnaire.
 */
export function sessionExport(
	db: Db,
	sessionId: number,
	mayView: (session: { teamId: number; meetrondeId: number }) => boolean
) {
	const session = sessions.get(db, sessionId);
	if (!session) return null;
	const data = results.forSession(db, sessionId, { comments: false });
	if (!data.visible) return null;
	const ids = data.figures.dimensions.map((d) => d.dimensionId);
	const meansOf = (dimensions: { dimensionId: string; mean: number | null }[]) =>
		Object.fromEntries(dimensions.map((d) => [d.dimensionId, d.mean]));
	// The same rule as in comparisons: the team's last session in an earlier round that may be
	// shown itself (a change reveals the earlier figures too) and has the same dimensions.
	const history = sessions.listClosedInScope(
		db,
		{ gemeenteId: session.gemeenteId },
		session.questionnaireId
	);
	const startsOn = history.find((h) => h.id === sessionId)?.startsOn ?? '';
	// Only earlier sessions this person may see: the change would give their figures away.
	const earlier = history.filter(
		(h) => h.teamId === session.teamId && h.startsOn < startsOn && mayView(h)
	);
	// The gate returns only sessions that may be shown.
	const stored = results.forSessions(
		db,
		earlier.map((h) => h.id),
		['dimensions']
	);
	const previous = earlier.reverse().find((h) => {
		const figures = stored.get(h.id);
		return (
			figures !== undefined &&
			sameDimensions(
				figures.dimensions.map((d) => d.dimensionId),
				ids
			)
		);
	});
	const before = previous ? stored.get(previous.id) : undefined;
	const set: SessionFigureSet = {
		teamName: session.teamName,
		meetrondeName: session.meetrondeName,
		questionnaireId: session.questionnaireId,
		version: session.questionnaireVersion,
		dimensions: data.figures.dimensions,
		items: data.figures.items,
		taskProfile: data.figures.taskProfile,
		change: before
			? changes(meansOf(data.figures.dimensions), meansOf(before.dimensions), ids)
			: null
	};
	const titles = new Map(data.figures.dimensions.map((d) => [d.dimensionId, d.title]));
	const actions = conversation.actionsOf(db, sessionId).map((a) => actionLine(session, titles, a));
	return { session, set, actions, submitted: data.counted, previous };
}

export function sessionCsv(
	db: Db,
	sessionId: number,
	mayView: Parameters<typeof sessionExport>[2]
): string | null {
	const exported = sessionExport(db, sessionId, mayView);
	return exported ? toCsv(FIGURE_COLUMNS, figureLines([exported.set])) : null;
}

/** A session's workbook: the dimension table with a summary, the statements, the actions. */
export function sessionXlsx(
	db: Db,
	sessionId: number,
	mayView: Parameters<typeof sessionExport>[2]
): ReadableStream<Uint8Array> | null {
	const exported = sessionExport(db, sessionId, mayView);
	if (!exported) return null;
	const { session, set, actions, submitted, previous } = exported;
	const lines = figureLines([set]);
	return workbook([
		{
			name: 'Samenvatting',
			lines: [
				`Wijkspiegel: ${session.questionnaireTitle}, ${session.teamName}, ${session.meetrondeName}`,
				`Gemaakt op ${new Date().toLocaleDateString('nl-NL', { dateStyle: 'long' })}; ${submitted} teamleden deden mee.`,
				[
					session.questionnaireId === 'takenprofiel' && set.taskProfile?.some((r) => r.asked)
						? taskProfileSummary(set.taskProfile)
						: resultSummary(set.dimensions),
					gapSentence(set.dimensions),
					suppressedSentence(set.dimensions, session.minRespondents)
				]
					.filter(Boolean)
					.join(' '),
				...(previous && set.change
					? [`Verandering: ten opzichte van ${previous.meetrondeName}.`]
					: []),
				READING_NOTE
			],
			header: FIGURE_COLUMNS,
			rows: lines.filter((l) => l[4] === 'onderwerp'),
			widths: FIGURE_WIDTHS
		},
		{
			name: 'Onderwerpen',
			header: FIGURE_COLUMNS,
			rows: lines.filter((l) => l[4] === 'onderwerp'),
			widths: FIGURE_WIDTHS
		},
		{
			name: 'Stellingen',
			header: FIGURE_COLUMNS,
			rows: lines.filter((l) => l[4] === 'stelling'),
			widths: FIGURE_WIDTHS
		},
		{ name: 'Verbeteracties', header: ACTION_COLUMNS, rows: actions, widths: ACTION_WIDTHS }
	]);
}
