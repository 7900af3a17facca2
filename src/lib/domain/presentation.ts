import type { ShownItem } from './anonymity';
import type { RadarChartConfig } from './radar';

/**
 * The beamer's sequence of full-screen steps: join, then (once the results are released) the
 * radar of all dimensions, then one step per dimension. Steps are numbered from 1 in the address
 * (`?stap=3`), so every step works without JavaScript and a clicker only has to go back and forth.
 */

export type PresentationStep =
	| { kind: 'join'; title: string }
	| { kind: 'lookBack'; title: string }
	| { kind: 'overview'; title: string }
	| { kind: 'dimension'; title: string; dimensionId: string; index: number; of: number };

/**
 * The steps for a session. Before release there is the join step and, when last round agreed on
 * verbeteracties, the look back at them: the next round opens with it (it needs none of this
 * round's figures, so it can run while the team fills in).
 */
export function presentationSteps(
	released: boolean,
	dimensions: readonly { dimensionId: string; title: string }[],
	status: 'draft' | 'open' | 'closed' = 'open',
	lookBack = false
): PresentationStep[] {
	const join: PresentationStep = {
		kind: 'join',
		// After closing, the first step no longer invites anyone to join.
		title: status === 'closed' ? 'Klaar met invullen' : 'Doe mee'
	};
	const opening: PresentationStep[] = lookBack
		? [join, { kind: 'lookBack', title: 'Terugblik: de verbeteracties van de vorige ronde' }]
		: [join];
	if (!released) return opening;
	return [
		...opening,
		{ kind: 'overview', title: 'Alle onderwerpen' },
		...dimensions.map((d, index) => ({
			kind: 'dimension' as const,
			title: d.title,
			dimensionId: d.dimensionId,
			index: index + 1,
			of: dimensions.length
		}))
	];
}

/** The step number asked for in the address, within 1..count; anything else is step 1. */
export function stepFromQuery(raw: string | null, count: number): number {
	if (raw === null || !/^\d{1,4}$/.test(raw)) return 1;
	return Math.min(Math.max(Number(raw), 1), Math.max(count, 1));
}

/** The numbers of the steps before and after, or null at either end. */
export function neighbours(
	step: number,
	count: number
): { previous: number | null; next: number | null } {
	return { previous: step > 1 ? step - 1 : null, next: step < count ? step + 1 : null };
}

export type KeyCommand = 'next' | 'previous' | 'first' | 'last' | 'leave';

/**
 * What a key does on the beamer. A presentation clicker sends PageDown and PageUp; Space goes
 * forward as in slide software. Keys with a modifier belong to the browser (Alt+← is "back").
 */
export function keyCommand(event: {
	key: string;
	altKey?: boolean;
	ctrlKey?: boolean;
	metaKey?: boolean;
	shiftKey?: boolean;
}): KeyCommand | null {
	if (event.altKey || event.ctrlKey || event.metaKey) return null;
	switch (event.key) {
		case 'ArrowRight':
		case 'PageDown':
			return 'next';
		case ' ':
			return event.shiftKey ? 'previous' : 'next';
		case 'ArrowLeft':
		case 'PageUp':
			return 'previous';
		case 'Home':
			return 'first';
		case 'End':
			return 'last';
		case 'Escape':
			return 'leave';
		default:
			return null;
	}
}

/** The step a command leads to, or null when it leads nowhere (already at that end, or leaving). */
export function stepAfter(command: KeyCommand, step: number, count: number): number | null {
	const target =
		command === 'next'
			? step + 1
			: command === 'previous'
				? step - 1
				: command === 'first'
					? 1
					: command === 'last'
						? count
						: null;
	if (target === null || target < 1 || target > count || target === step) return null;
	return target;
}

/** What a screen reader announces when a step appears: where we are and what it shows. */
export function stepAnnouncement(step: number, steps: readonly PresentationStep[]): string {
	const current = steps[step - 1];
	return `Stap ${step} van ${steps.length}: ${current.title}`;
}

/** How many statements a dimension's step lists under each heading: few, so they read from afar. */
export const HIGHLIGHTS = 3;

/**
 * The statements of one dimension to start the conversation with: where the team's scores spread
 * most (only statements with a shown spread: a left-out figure stays left out), and where most
 * people ticked "hier wil ik over praten" (only statements someone ticked).
 */
export function dimensionHighlights<T extends Pick<ShownItem, 'dimensionId' | 'sd' | 'flags'>>(
	items: readonly T[],
	dimensionId: string,
	count = HIGHLIGHTS
): { mostSpread: T[]; mostFlags: T[] } {
	const own = items
		.map((item, index) => ({ item, index }))
		.filter((e) => e.item.dimensionId === dimensionId);
	// Ties keep the questionnaire's order, so the list does not jump between two loads.
	const mostSpread = own
		.filter((e) => e.item.sd !== null)
		.sort((a, b) => b.item.sd! - a.item.sd! || a.index - b.index)
		.slice(0, count)
		.map((e) => e.item);
	const mostFlags = own
		.filter((e) => e.item.flags > 0)
		.sort((a, b) => b.item.flags - a.item.flags || a.index - b.index)
		.slice(0, count)
		.map((e) => e.item);
	return { mostSpread, mostFlags };
}

/** The smallest text on the beamer's radar, in CSS pixels: readable from the back of a room. */
export const BEAMER_LABEL_PX = 22;

/**
 * The results page's radar configuration, with type large enough for a beamer. The data and every
 * line stay as they are, so whatever the results page draws (a "gewenst" line, say) shows here too.
 */
export function beamerRadar(config: RadarChartConfig, labelPx = BEAMER_LABEL_PX): RadarChartConfig {
	const copy = structuredClone(config);
	copy.options.scales.r.pointLabels.font.size = labelPx;
	const options = copy.options as RadarChartConfig['options'] & {
		scales: { r: { ticks: { font?: { size: number } } } };
		plugins: {
			legend: { labels: { font?: { size: number }; boxWidth?: number; boxHeight?: number } };
		};
	};
	const small = Math.max(18, Math.round(labelPx * 0.8));
	options.scales.r.ticks.font = { size: small };
	// chart.js sizes a legend's point from the font; a smaller box keeps the markers in proportion.
	options.plugins.legend.labels = {
		...options.plugins.legend.labels,
		font: { size: small },
		boxWidth: 14,
		boxHeight: 14
	} as typeof options.plugins.legend.labels;
	// Thicker lines and points, seen from afar; the band's edges stay thin.
	for (const dataset of copy.data.datasets) {
		if (dataset.pointRadius > 0) dataset.pointRadius = Math.max(dataset.pointRadius, 6);
		if (dataset.borderWidth > 1) dataset.borderWidth += 1;
	}
	return copy;
}
