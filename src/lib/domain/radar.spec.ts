import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { radarConfig, SERIES_STYLES, wrapLabel, type RadarInput } from './radar';

const word = fc.string({ minLength: 1, maxLength: 20 }).filter((w) => !w.includes(' '));
const label = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));

const axes = ['Veilige leefomgeving', 'Tijdig signaleren', 'Vindbare hulp', 'Brede blik', 'Leren'];
const input = (seriesCount: number, extra: Partial<RadarInput> = {}): RadarInput => ({
	axes,
	scaleMin: 1,
	scaleMax: 5,
	series: Array.from({ length: seriesCount }, (_, i) => ({
		label: `Ronde ${i + 1}`,
		values: [3, 4, null, 2, 5]
	})),
	...extra
});

describe('wrapLabel', () => {
	it('splits a long label on spaces into short lines', () => {
		expect(wrapLabel('Handelen met een brede blik')).toEqual(['Handelen met', 'een brede blik']);
		expect(wrapLabel('Leren')).toEqual(['Leren']);
	});

	it('keeps a word longer than the width whole on its own line', () => {
		expect(wrapLabel('Jeugdgezondheidszorg en school', 10)).toEqual([
			'Jeugdgezondheidszorg',
			'en school'
		]);
	});

	it('never exceeds the width unless a single word is longer, and joins back to the label', () => {
		fc.assert(
			fc.property(label, fc.integer({ min: 1, max: 30 }), (text, width) => {
				const lines = wrapLabel(text, width);
				for (const line of lines) {
					if (line.length > width) expect(line).not.toContain(' ');
					else expect(line.length).toBeLessThanOrEqual(width);
				}
				expect(lines.join(' ')).toBe(text);
			})
		);
	});
});

describe('SERIES_STYLES', () => {
	it('has 8 styles from the colour-blind-safe palette', () => {
		expect(SERIES_STYLES).toHaveLength(8);
		expect(new Set(SERIES_STYLES.map((s) => s.color)).size).toBe(8);
	});

	it('gives every one of up to 8 series its own dash pattern and point shape', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 8 }), (count) => {
				const { datasets } = radarConfig(input(count)).data;
				expect(new Set(datasets.map((d) => JSON.stringify(d.borderDash))).size).toBe(count);
				expect(new Set(datasets.map((d) => d.pointStyle)).size).toBe(count);
			})
		);
	});

	it('starts over with the first style after 8 series', () => {
		const { datasets } = radarConfig(input(9)).data;
		expect(datasets[8]).toMatchObject({
			borderColor: SERIES_STYLES[0].color,
			pointStyle: SERIES_STYLES[0].pointStyle
		});
	});
});

describe('radarConfig', () => {
	it('passes the scale minimum and maximum through', () => {
		fc.assert(
			fc.property(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 1, max: 10 }), (min, span) => {
				const config = radarConfig(input(1, { scaleMin: min, scaleMax: min + span }));
				expect(config.options.scales.r).toMatchObject({ min, max: min + span });
			})
		);
	});

	it('wraps the axis labels into lines', () => {
		const config = radarConfig(input(1));
		expect(config.data.labels).toEqual(axes.map((axis) => wrapLabel(axis)));
	});

	it('draws the first series heavier and no series filled', () => {
		const [first, second] = radarConfig(input(2)).data.datasets;
		expect(first).toMatchObject({ borderWidth: 3, fill: false, pointRadius: 4 });
		expect(second).toMatchObject({ borderWidth: 2, fill: false, pointRadius: 4 });
		expect(first.backgroundColor).toBe(first.borderColor);
	});

	it('keeps missing values as gaps instead of joining across them', () => {
		const [series] = radarConfig(input(1)).data.datasets;
		expect(series.data).toEqual([3, 4, null, 2, 5]);
		expect(series.spanGaps ?? false).toBe(false);
	});

	it('fills the band from the highest down to the lowest respondent, underneath the series', () => {
		const band = { label: 'Spreiding', low: [1, 2, null, 1, 3], high: [5, 5, null, 4, 5] };
		const { datasets } = radarConfig(input(2, { band })).data;
		const high = datasets.findIndex((d) => d.label === 'Spreiding: bovenkant');
		const low = datasets.findIndex((d) => d.label === 'Spreiding: onderkant');
		expect(low).toBe(high + 1);
		expect(datasets[high]).toMatchObject({ fill: '+1', data: band.high, pointRadius: 0 });
		expect(datasets[low]).toMatchObject({ fill: false, data: band.low, pointRadius: 0 });
		expect(datasets[high].borderDash).toEqual([4, 4]);
		// chart.js draws datasets with a higher order first, so the series end up on top.
		const seriesOrder = Math.max(...datasets.slice(0, 2).map((d) => d.order ?? 0));
		expect(datasets[high].order).toBeGreaterThan(seriesOrder);
		expect(datasets[low].order).toBeGreaterThan(seriesOrder);
	});

	it('adds no band datasets when there is no band', () => {
		expect(radarConfig(input(3)).data.datasets).toHaveLength(3);
	});

	it('sets the fixed chart options', () => {
		const { type, options } = radarConfig(input(1));
		expect(type).toBe('radar');
		expect(options).toMatchObject({
			responsive: true,
			maintainAspectRatio: true,
			aspectRatio: 1,
			animation: false,
			plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } }
		});
		expect(options.scales.r).toMatchObject({
			ticks: { stepSize: 1, backdropColor: 'transparent' },
			pointLabels: { font: { size: 13 } },
			grid: { color: '#bbbbbb' }
		});
	});
});
