/** Comparing teams and meetrondes: pure functions over per-session dimension figures. */

/** One session's figures: per dimension the team mean and the number of respondents behind it. */
export interface SessionFigures {
	sessionId: number;
	teamId: number;
	teamName: string;
	meetrondeId: number;
	meetrondeName: string;
	startsOn: string;
	/** submitted responses */
	respondents: number;
	means: Record<string, number | null>;
	counts: Record<string, number>;
}

export type AverageMode = 'teams' | 'respondenten';

export const AVERAGE_LABELS: Record<AverageMode, string> = {
	teams: 'gemiddelde over de teams: elk team telt even zwaar',
	respondenten: 'gemiddelde over alle teamleden: grote teams tellen zwaarder'
};

/** The change per dimension from `before` to `after`; null where either has no figure. */
export function changes(
	after: Record<string, number | null>,
	before: Record<string, number | null>,
	dimensionIds: readonly string[]
): Record<string, number | null> {
	return Object.fromEntries(
		dimensionIds.map((id) => {
			const a = after[id];
			const b = before[id];
			return [id, a == null || b == null ? null : a - b];
		})
	);
}

/**
 * The average of several sessions per dimension: over teams (each session counts once) or over
 * respondents (each session weighted by how many respondents scored that dimension).
 */
export function groupAverage(
	sessions: readonly SessionFigures[],
	dimensionIds: readonly string[],
	mode: AverageMode
): Record<string, number | null> {
	return Object.fromEntries(
		dimensionIds.map((id) => {
			let sum = 0;
			let weight = 0;
			for (const s of sessions) {
				const mean = s.means[id];
				if (mean == null) continue;
				const w = mode === 'teams' ? 1 : (s.counts[id] ?? 0);
				sum += mean * w;
				weight += w;
			}
			return [id, weight === 0 ? null : sum / weight];
		})
	);
}

/** Changes smaller than this are shown as "gelijk": below what a team can sensibly discuss. */
export const TREND_THRESHOLD = 0.1;

export interface Trend {
	symbol: '▲' | '▼' | '►' | '';
	label: string;
}

/** An arrow and a word for a change, so a trend never depends on colour alone. */
export function trend(change: number | null): Trend {
	if (change === null) return { symbol: '', label: 'geen vergelijking' };
	if (change >= TREND_THRESHOLD) return { symbol: '▲', label: 'hoger' };
	if (change <= -TREND_THRESHOLD) return { symbol: '▼', label: 'lager' };
	return { symbol: '►', label: 'gelijk' };
}

/** A change with its sign and a decimal comma: "+0,4", "−0,2", "0,0". */
export function formatChange(change: number | null): string {
	if (change === null || !Number.isFinite(change)) return '–';
	// Half away from zero, so a rise and a fall of the same size read the same.
	const rounded = (Math.sign(change) * Math.round(Math.abs(change) * 10)) / 10;
	if (rounded === 0) return '0,0';
	return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(1).replace('.', ',')}`;
}

/** Whether two questionnaire versions can be compared: the same dimension ids in any order. */
export function sameDimensions(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

const score = (v: number) => v.toFixed(1).replace('.', ',');

/**
 * A short plain-Dutch summary of a comparison: where the rows score highest on average, and the
 * largest rise between the first and the last column of a series of rounds. A takenprofiel
 * ('tasks') has no better or worse: it says where teams do the most tasks, never "scoort het hoogst".
 */
export function comparisonSummary(
	rows: readonly { label: string; means: Record<string, number | null> }[],
	dimensions: readonly { id: string; title: string }[],
	over: 'teams' | 'rondes',
	measures: 'score' | 'tasks' = 'score'
): string {
	if (rows.length === 0) return 'Er zijn nog geen uitkomsten om te vergelijken.';
	const overall = dimensions
		.map((d) => {
			const values = rows.map((r) => r.means[d.id]).filter((v): v is number => v != null);
			return { d, mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null };
		})
		.filter((x): x is { d: { id: string; title: string }; mean: number } => x.mean !== null);
	if (overall.length === 0) return 'Er zijn nog geen scores om te vergelijken.';
	const best = overall.reduce((a, b) => (b.mean > a.mean ? b : a));
	const tasks = measures === 'tasks';
	const who =
		over === 'teams'
			? rows.length === 1
				? tasks
					? 'Het team doet'
					: 'Het team scoort'
				: tasks
					? 'De teams doen samen'
					: 'De teams scoren samen'
			: tasks
				? 'Over alle rondes doet het team'
				: 'Over alle rondes scoort het team';
	let text = tasks
		? `${who} de meeste taken bij ${best.d.title} (gemiddeld ${score(best.mean)}). Een takenprofiel is geen oordeel: het laat zien wat een team doet, niet hoe goed.`
		: `${who} het hoogst op ${best.d.title} (gemiddeld ${score(best.mean)}).`;
	if (over === 'rondes' && rows.length >= 2) {
		const first = rows[0];
		const last = rows[rows.length - 1];
		const diffs = changes(
			last.means,
			first.means,
			dimensions.map((d) => d.id)
		);
		const rising = dimensions
			.map((d) => ({ d, change: diffs[d.id] }))
			.filter((x): x is { d: { id: string; title: string }; change: number } => x.change !== null)
			.sort((a, b) => b.change - a.change)[0];
		if (rising && rising.change >= TREND_THRESHOLD) {
			text += tasks
				? ` De grootste toename sinds ${first.label} is er bij ${rising.d.title} (${formatChange(rising.change)}).`
				: ` De grootste vooruitgang sinds ${first.label} is er bij ${rising.d.title} (${formatChange(rising.change)}).`;
		} else if (rising) {
			text += ` Sinds ${first.label} zijn de scores ongeveer gelijk gebleven.`;
		}
	}
	return text;
}
