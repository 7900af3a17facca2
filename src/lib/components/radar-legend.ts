import type { RadarChartConfig } from '$lib/domain/radar';

type Dataset = RadarChartConfig['data']['datasets'][number];

/** Point shapes as SVG, in a 40×16 box with the line through the middle. */
const MARKERS: Record<string, string> = {
	circle: '<circle cx="20" cy="8" r="4"/>',
	rect: '<rect x="16" y="4" width="8" height="8"/>',
	rectRounded: '<rect x="16" y="4" width="8" height="8" rx="2"/>',
	triangle: '<path d="M20 3 L25 12 L15 12 Z"/>',
	rectRot: '<path d="M20 2 L26 8 L20 14 L14 8 Z"/>',
	star: '<path d="M20 2 L21.8 6.6 L26.5 6.9 L22.9 10 L24 14.6 L20 12 L16 14.6 L17.1 10 L13.5 6.9 L18.2 6.6 Z"/>',
	crossRot: '<path d="M16 4 L24 12 M24 4 L16 12" stroke-width="2.5"/>',
	cross: '<path d="M20 3 L20 13 M15 8 L25 8" stroke-width="2.5"/>'
};

/** A small picture of a line's colour, dash pattern and point shape, as drawn in the chart. */
export function swatch(dataset: Dataset): string {
	const color = dataset.borderColor;
	// The spread band's edges have no points: their line alone is the sign.
	const marker = dataset.pointRadius > 0 ? (MARKERS[dataset.pointStyle] ?? MARKERS.circle) : '';
	return (
		`<svg width="40" height="16" viewBox="0 0 40 16" aria-hidden="true" focusable="false">` +
		`<line x1="1" y1="8" x2="39" y2="8" stroke="${color}" stroke-width="2.5" stroke-dasharray="${dataset.borderDash.join(' ')}"/>` +
		`<g fill="${color}" stroke="${color}">${marker}</g></svg>`
	);
}

/** The legend of a downloaded picture: per line its dash pattern, point shape and label. */
export function drawLegend(
	context: CanvasRenderingContext2D,
	datasets: readonly Dataset[],
	top: number,
	scale: number,
	lineHeight: number
): void {
	const left = Math.round(12 * scale);
	const width = Math.round(36 * scale);
	datasets.forEach((dataset, i) => {
		const y = top + i * lineHeight + lineHeight / 2;
		context.save();
		context.strokeStyle = dataset.borderColor;
		context.fillStyle = dataset.borderColor;
		context.lineWidth = 2.5 * scale;
		context.setLineDash(dataset.borderDash.map((d) => d * scale));
		context.beginPath();
		context.moveTo(left, y);
		context.lineTo(left + width, y);
		context.stroke();
		context.setLineDash([]);
		if (dataset.pointRadius > 0)
			drawMarker(context, dataset.pointStyle, left + width / 2, y, 4 * scale);
		context.restore();
		context.fillStyle = '#1a1a1a';
		context.textBaseline = 'middle';
		context.font = `${Math.round(14 * scale)}px sans-serif`;
		context.fillText(dataset.label, left + width + Math.round(8 * scale), y);
	});
}

function drawMarker(
	context: CanvasRenderingContext2D,
	style: string,
	x: number,
	y: number,
	r: number
): void {
	context.beginPath();
	if (style === 'triangle') {
		context.moveTo(x, y - r);
		context.lineTo(x + r, y + r * 0.8);
		context.lineTo(x - r, y + r * 0.8);
		context.closePath();
	} else if (style === 'rect' || style === 'rectRounded') {
		context.rect(x - r, y - r, 2 * r, 2 * r);
	} else if (style === 'rectRot') {
		context.moveTo(x, y - r);
		context.lineTo(x + r, y);
		context.lineTo(x, y + r);
		context.lineTo(x - r, y);
		context.closePath();
	} else {
		context.arc(x, y, r, 0, 2 * Math.PI);
	}
	context.fill();
}
