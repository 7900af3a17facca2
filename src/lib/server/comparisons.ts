import { countOf } from '$lib/domain/wording';
import type { Measure } from '$lib/domain/measures';
import {
	AVERAGE_LABELS,
	changes,
	comparisonSummary,
	groupAverage,
	type AverageMode,
	type SessionFigures
} from '$lib/domain/compare';
import type { Questionnaire } from '$lib/domain/questionnaire';
import { radarConfig, type RadarChartConfig } from '$lib/domain/radar';
import { versionOverlap } from '$lib/domain/version-diff';
import { effectiveMinimum } from '$lib/domain/anonymity';
import { groupTaskProfile, type GroupTaskProfileRow } from '$lib/domain/task-profile';
import type { Db } from './db';
import * as results from './db/results';
import * as sessions from './db/sessions';
import * as questionnaireVersions from './db/questionnaire-versions';

export type Scope = { gemeenteId: number } | { leerbewegingId: number };
export type ComparisonKind = 'rondes' | 'teams' | 'gemiddelde';
export type ProfileFilter = 'alle' | 'zelf-hulp' | 'geen-zelf-hulp';

export const MAX_SERIES = 8;

export interface ComparisonRequest {
	scope: Scope;
	questionnaireId: string;
	kind: ComparisonKind;
	teamId: number | null;
	meetrondeId: number | null;
	average: AverageMode;
	profile: ProfileFilter;
	/** 'nu' when left out */
	measure?: Measure;
}

export interface ComparisonRow {
	label: string;
	/** the session behind the row; null for an average */
	sessionId: number | null;
	means: Record<string, number | null>;
	counts: Record<string, number>;
	respondents: number;
	/** change per dimension against this team's previous round, where there is one */
	change: Record<string, number | null> | null;
	isAverage?: boolean;
}

interface LoadedSession {
	figures: SessionFigures;
	tasks: string[];
	version: number;
}

interface LeftOut {
	label: string;
	reason: string;
	teamId: number;
	meetrondeId: number;
}

/**
 * The sessions of a comparison that meet the anonymity rule, as figures per dimension. Sessions
 * that do not, or that used a version with other dimensions, are listed with the reason.
 */
function loadSessions(db: Db, request: ComparisonRequest) {
	const rows = sessions.listClosedInScope(db, request.scope, request.questionnaireId);
	const definitionOf = (row: (typeof rows)[number]) =>
		questionnaireVersions.definition(db, row.questionnaireVersionId) as Questionnaire;
	// Across versions: the newest is the reference, and only the dimensions all share are compared.
	const definitions = new Map(rows.map((r) => [r.questionnaireVersion, definitionOf(r)]));
	const overlap = versionOverlap([...definitions.values()]);
	const newest = rows.findLast((r) => r.questionnaireVersion === overlap.versions.at(-1));
	const reference = newest ? definitionOf(newest) : undefined;
	const figures = results.forSessions(
		db,
		rows.map((r) => r.id),
		['dimensions']
	);
	const loaded: LoadedSession[] = [];
	const leftOut: LeftOut[] = [];
	for (const row of rows) {
		const skip = (reason: string) =>
			leftOut.push({
				label: `${row.teamName}, ${row.meetrondeName}`,
				reason,
				teamId: row.teamId,
				meetrondeId: row.meetrondeId
			});
		if (overlap.incomparableVersions.includes(row.questionnaireVersion)) {
			skip('andere versie van de vragenlijst, met andere onderwerpen');
			continue;
		}
		const stored = figures.get(row.id);
		if (!stored) {
			skip(
				row.submitted < effectiveMinimum(row.minRespondents)
					? 'te weinig respons'
					: 'de uitkomsten zijn nog niet getoond aan het team'
			);
			continue;
		}
		const measure = request.measure ?? 'nu';
		if (measure === 'gewenst' && !definitions.get(row.questionnaireVersion)?.gewenst) {
			skip('deze versie van de vragenlijst vroeg niet waar het team wil staan');
			continue;
		}
		// "Gewenst" figures passed the same gate as the others: a hidden one has a null mean.
		const stats = stored.dimensions.map((d) =>
			measure === 'gewenst'
				? {
						dimensionId: d.dimensionId,
						mean: d.desired?.mean ?? null,
						n: d.desired?.n ?? 0,
						suppressed: d.desired?.suppressed ?? true
					}
				: d
		);
		loaded.push({
			tasks: row.teamTasks,
			version: row.questionnaireVersion,
			figures: {
				sessionId: row.id,
				teamId: row.teamId,
				teamName: row.teamName,
				meetrondeId: row.meetrondeId,
				meetrondeName: row.meetrondeName,
				startsOn: row.startsOn,
				respondents: stored.counted,
				means: Object.fromEntries(stats.map((s) => [s.dimensionId, s.mean])),
				counts: Object.fromEntries(stats.map((s) => [s.dimensionId, s.suppressed ? 0 : s.n]))
			}
		});
	}
	return { reference, definitions, overlap, loaded, leftOut, all: rows };
}

function matchesProfile(tasks: string[], profile: ProfileFilter): boolean {
	if (profile === 'alle') return true;
	return profile === 'zelf-hulp' ? tasks.includes('zelf-hulp') : !tasks.includes('zelf-hulp');
}

/** The team's session in the round before the given one, for trend arrows. */
function previousOf(loaded: LoadedSession[], session: SessionFigures): SessionFigures | undefined {
	return loaded
		.map((l) => l.figures)
		.filter((f) => f.teamId === session.teamId && f.startsOn < session.startsOn)
		.at(-1);
}

/** Everything a comparison screen shows: rows, chart, summary and what was left out, and why. */
export function buildComparison(db: Db, request: ComparisonRequest) {
	const { reference, definitions, overlap, loaded, leftOut, all } = loadSessions(db, request);
	const dimensions =
		reference?.dimensions
			.filter((d) => overlap.sharedDimensionIds.includes(d.id))
			.map((d) => ({ id: d.id, title: d.title, chartLabel: d.chartLabel })) ?? [];
	const ids = dimensions.map((d) => d.id);
	/** Whether a session belongs to what was asked: the team's rounds, or the round's teams. */
	const inSelection = (s: { teamId: number; meetrondeId: number }) =>
		request.kind === 'rondes' ? s.teamId === request.teamId : s.meetrondeId === request.meetrondeId;
	const row = (f: SessionFigures, label: string): ComparisonRow => {
		const previous = previousOf(loaded, f);
		return {
			label,
			sessionId: f.sessionId,
			means: f.means,
			counts: f.counts,
			respondents: f.respondents,
			change: previous ? changes(f.means, previous.means, ids) : null
		};
	};

	let rows: ComparisonRow[] = [];
	let groupSize = 0;
	if (request.kind === 'rondes' && request.teamId !== null) {
		rows = loaded
			.filter((l) => l.figures.teamId === request.teamId)
			.map((l) => row(l.figures, l.figures.meetrondeName));
	} else if (request.kind === 'teams' && request.meetrondeId !== null) {
		rows = loaded
			.filter(
				(l) =>
					l.figures.meetrondeId === request.meetrondeId && matchesProfile(l.tasks, request.profile)
			)
			.map((l) => row(l.figures, l.figures.teamName))
			.sort((a, b) => a.label.localeCompare(b.label, 'nl'));
	} else if (
		request.kind === 'gemiddelde' &&
		request.teamId !== null &&
		request.meetrondeId !== null
	) {
		const inRound = loaded.filter(
			(l) =>
				l.figures.meetrondeId === request.meetrondeId && matchesProfile(l.tasks, request.profile)
		);
		groupSize = inRound.length;
		const own = inRound.find((l) => l.figures.teamId === request.teamId);
		if (own) rows.push(row(own.figures, own.figures.teamName));
		if (inRound.length > 0) {
			const means = groupAverage(
				inRound.map((l) => l.figures),
				ids,
				request.average
			);
			rows.push({
				sessionId: null,
				// A team may have more than one session in a round: count teams, not sessions.
				label: `Gemiddelde van ${countOf(new Set(inRound.map((l) => l.figures.teamId)).size, 'team', 'teams')}`,
				means,
				counts: Object.fromEntries(
					ids.map((id) => [id, inRound.reduce((n, l) => n + (l.figures.counts[id] ?? 0), 0)])
				),
				respondents: inRound.reduce((n, l) => n + l.figures.respondents, 0),
				change: null,
				isAverage: true
			});
		}
	}

	// The takenprofiel: the round's teams together, beside the national reference percentages.
	const hasReferences = reference?.dimensions.some((d) => d.items.some((i) => i.reference));
	let taskProfile: { rows: GroupTaskProfileRow[]; teams: number } | null = null;
	if (hasReferences && request.kind !== 'rondes' && request.meetrondeId !== null) {
		const inRound = loaded.filter(
			(l) =>
				l.figures.meetrondeId === request.meetrondeId && matchesProfile(l.tasks, request.profile)
		);
		const profiles = results.forSessions(
			db,
			inRound.map((l) => l.figures.sessionId),
			['taskProfile']
		);
		if (inRound.length > 0) {
			taskProfile = {
				rows: groupTaskProfile([...profiles.values()].map((p) => p.taskProfile)),
				teams: inRound.length
			};
		}
	}

	// Teams that give help themselves beside teams that only assess or coordinate, in this round.
	let profileGroups: { label: string; teams: number; means: Record<string, number | null> }[] = [];
	if (request.kind === 'teams' && request.meetrondeId !== null) {
		const inRound = loaded.filter((l) => l.figures.meetrondeId === request.meetrondeId);
		profileGroups = (
			[
				['zelf-hulp', 'Teams die zelf hulp bieden'],
				['geen-zelf-hulp', 'Teams die geen hulp bieden'],
				['alle', 'Alle teams']
			] as const
		)
			.map(([profile, label]) => {
				const group = inRound.filter((l) => matchesProfile(l.tasks, profile));
				return {
					label,
					teams: group.length,
					means: groupAverage(
						group.map((l) => l.figures),
						ids,
						request.average
					)
				};
			})
			.filter((g) => g.teams > 0);
	}

	const points = reference?.scale.points ?? [{ value: 1 }, { value: 5 }];
	const chart: RadarChartConfig | null =
		rows.length > 0 && rows.length <= MAX_SERIES && dimensions.length > 0
			? radarConfig({
					axes: dimensions.map((d) => d.chartLabel),
					scaleMin: points[0].value,
					scaleMax: points[points.length - 1].value,
					series: rows.map((r) => ({
						label: r.label,
						values: ids.map((id) => r.means[id] ?? null)
					}))
				})
			: null;

	return {
		measure: request.measure ?? 'nu',
		/** whether the newest version asks "gewenst", so the form offers the choice */
		offersDesired: reference?.gewenst ?? false,
		dimensions,
		scale: { min: points[0].value, max: points[points.length - 1].value },
		rows,
		chart,
		tooManyForChart: rows.length > MAX_SERIES,
		summary: comparisonSummary(
			rows.filter((r) => !r.isAverage),
			dimensions,
			request.kind === 'rondes' ? 'rondes' : 'teams',
			hasReferences ? 'tasks' : 'score'
		),
		averageLabel: request.kind === 'gemiddelde' ? AVERAGE_LABELS[request.average] : null,
		/** the versions behind the rows shown and the statements that differ between them */
		versions: versionOverlap(
			[...new Set(loaded.filter((l) => inSelection(l.figures)).map((l) => l.version))].map((v) =>
				definitions.get(v)!
			)
		),
		groupSize,
		profileGroups,
		taskProfile,
		leftOut: leftOut.filter(inSelection),
		teams: [...new Map(all.map((s) => [s.teamId, s.teamName])).entries()].map(([id, name]) => ({
			id,
			name
		})),
		/** every session that takes part, in round order, with its change since the team's previous one */
		sessions: loaded.map((l) => {
			const previous = previousOf(loaded, l.figures);
			return {
				...l.figures,
				version: l.version,
				change: previous ? changes(l.figures.means, previous.means, ids) : null
			};
		}),
		rounds: [...new Map(all.map((s) => [s.meetrondeId, s.meetrondeName])).entries()].map(
			([id, name]) => ({ id, name })
		)
	};
}
