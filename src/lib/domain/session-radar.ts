import { spreadBand, type ShownDimension } from './anonymity';
import type { Scale } from './questionnaire';
import { DESIRED_STYLE, radarConfig, type RadarChartConfig, type RadarSeries } from './radar';

const MEAN_LABEL = 'Gemiddelde van het team';
const BAND_LABEL = 'Spreiding (gemiddelde ± standaardafwijking)';
const BAND_NOW_LABEL = 'Spreiding nu (gemiddelde ± standaardafwijking)';
export const NOW_LABEL = 'Nu: gemiddelde van het team';
export const DESIRED_LABEL = 'Gewenst: over een jaar';

/**
 * The radar of one session from its shown dimension figures: the "nu" line over its spread band,
 * and the "gewenst" line when the questionnaire asked it. Every page that draws a session's radar
 * (results, print, beamer) passes the same dimensions and gets the same lines.
 */
export function sessionRadar(
	dimensions: readonly ShownDimension[],
	scale: Pick<Scale, 'points'>
): RadarChartConfig {
	const scaleMin = scale.points[0].value;
	const scaleMax = scale.points[scale.points.length - 1].value;
	const asked = dimensions.some((d) => d.desired);
	const series: RadarSeries[] = [
		{ label: asked ? NOW_LABEL : MEAN_LABEL, values: dimensions.map((d) => d.mean) }
	];
	if (asked) {
		series.push({
			label: DESIRED_LABEL,
			values: dimensions.map((d) => d.desired?.mean ?? null),
			style: DESIRED_STYLE
		});
	}
	return radarConfig({
		axes: dimensions.map((d) => d.chartLabel),
		scaleMin,
		scaleMax,
		series,
		band: {
			label: asked ? BAND_NOW_LABEL : BAND_LABEL,
			...spreadBand(dimensions, scaleMin, scaleMax)
		}
	});
}
