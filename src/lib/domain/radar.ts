/** One line on the radar chart, for example a team in a measurement round: one value per axis. */
export interface RadarSeries {
	label: string;
	values: (number | null)[];
	/** a fixed style, for a line that means the same wherever it is drawn ("gewenst") */
	style?: SeriesStyle;
}

/** What the radar chart shows; band is the spread between the lowest and highest respondent. */
export interface RadarInput {
	axes: string[];
	scaleMin: number;
	scaleMax: number;
	series: RadarSeries[];
	band?: { label: string; low: (number | null)[]; high: (number | null)[] };
}

export type PointStyle =
	'circle' | 'rect' | 'triangle' | 'rectRot' | 'star' | 'crossRot' | 'rectRounded' | 'cross';

/** How one series is drawn: colour, dash pattern and point shape. */
export interface SeriesStyle {
	color: string;
	dash: number[];
	pointStyle: PointStyle;
}

/** One dataset in the shape chart.js 4 expects; kept local so this module stays free of chart.js. */
export interface RadarDataset {
	label: string;
	data: (number | null)[];
	borderColor: string;
	backgroundColor: string;
	borderDash: number[];
	pointStyle: PointStyle;
	pointRadius: number;
	borderWidth: number;
	fill: boolean | string | number;
	spanGaps?: boolean;
	order?: number;
}

/** The chart.js 4 radar configuration this module builds, limited to the fields it sets. */
export interface RadarChartConfig {
	type: 'radar';
	data: { labels: string[][]; datasets: RadarDataset[] };
	options: {
		responsive: boolean;
		maintainAspectRatio: boolean;
		aspectRatio: number;
		animation: false;
		scales: {
			r: {
				min: number;
				max: number;
				ticks: { stepSize: number; backdropColor: string };
				pointLabels: { font: { size: number } };
				grid: { color: string };
				angleLines: { color: string };
			};
		};
		plugins: { legend: { position: 'bottom'; labels: { usePointStyle: boolean } } };
	};
}

/** Splits a label on spaces into lines of at most `width` characters, never inside a word. */
export function wrapLabel(label: string, width = 14): string[] {
	const words = label.split(' ').filter((word) => word !== '');
	if (words.length === 0) return [label];
	const lines: string[] = [];
	let line = '';
	for (const word of words) {
		if (line === '') line = word;
		else if (line.length + 1 + word.length <= width) line += ` ${word}`;
		else {
			lines.push(line);
			line = word;
		}
	}
	lines.push(line);
	return lines;
}

/**
 * Okabe-Ito colours, safe for colour-blind readers; each series also has its own dash pattern and
 * point shape, so the chart still reads when printed in greyscale.
 */
export const SERIES_STYLES: readonly SeriesStyle[] = [
	{ color: '#0072B2', dash: [], pointStyle: 'circle' },
	{ color: '#D55E00', dash: [6, 3], pointStyle: 'rect' },
	{ color: '#009E73', dash: [2, 2], pointStyle: 'triangle' },
	{ color: '#CC79A7', dash: [8, 3, 2, 3], pointStyle: 'rectRot' },
	{ color: '#E69F00', dash: [12, 4], pointStyle: 'star' },
	{ color: '#56B4E9', dash: [4, 8], pointStyle: 'crossRot' },
	{ color: '#000000', dash: [10, 3, 2, 3, 2, 3], pointStyle: 'rectRounded' },
	// Okabe-Ito yellow, darkened: the original is barely visible on white.
	{ color: '#8a7a00', dash: [16, 4, 4, 4], pointStyle: 'cross' }
];

/**
 * The "gewenst" line: its own dash pattern and point shape besides its colour, so it is told apart
 * from the "nu" line (solid, circles) in greyscale and by colour-blind readers too.
 */
export const DESIRED_STYLE: SeriesStyle = {
	color: '#B34700',
	dash: [8, 4],
	pointStyle: 'triangle'
};

const BAND_BORDER = '#9a9a9a';
const BAND_FILL = 'rgba(120,120,120,0.18)';

/** A chart.js radar configuration: the series over a grey band showing the team's spread. */
export function radarConfig(input: RadarInput): RadarChartConfig {
	const series: RadarDataset[] = input.series.map((s, i) => {
		const style = s.style ?? SERIES_STYLES[i % SERIES_STYLES.length];
		return {
			label: s.label,
			data: [...s.values],
			borderColor: style.color,
			backgroundColor: style.color,
			borderDash: [...style.dash],
			pointStyle: style.pointStyle,
			pointRadius: 4,
			// The first series is the current result; a heavier line makes it the one to read first.
			borderWidth: i === 0 ? 3 : 2,
			fill: false,
			// A missing score must show as a gap, not as a line pretending to know the value.
			spanGaps: false,
			order: 0
		};
	});
	const band: RadarDataset[] = [];
	if (input.band) {
		const edge = (label: string, data: (number | null)[], fill: string | false) => ({
			label,
			data: [...data],
			borderColor: BAND_BORDER,
			backgroundColor: BAND_FILL,
			borderDash: [4, 4],
			pointStyle: 'rect' as const,
			pointRadius: 0,
			borderWidth: 1,
			fill,
			spanGaps: false,
			// chart.js draws higher orders first, so the band lies underneath the series.
			order: 1
		});
		band.push(
			// '+1' fills down to the next dataset, the low edge, so the grey area is the spread.
			edge(`${input.band.label}: bovenkant`, input.band.high, '+1'),
			edge(`${input.band.label}: onderkant`, input.band.low, false)
		);
	}
	return {
		type: 'radar',
		data: { labels: input.axes.map((axis) => wrapLabel(axis)), datasets: [...series, ...band] },
		options: {
			responsive: true,
			maintainAspectRatio: true,
			aspectRatio: 1,
			animation: false,
			scales: {
				r: {
					min: input.scaleMin,
					max: input.scaleMax,
					ticks: { stepSize: 1, backdropColor: 'transparent' },
					pointLabels: { font: { size: 13 } },
					grid: { color: '#bbbbbb' },
					angleLines: { color: '#bbbbbb' }
				}
			},
			plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } }
		}
	};
}
