import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	BEAMER_LABEL_PX,
	beamerRadar,
	dimensionHighlights,
	keyCommand,
	neighbours,
	presentationSteps,
	stepAfter,
	stepAnnouncement,
	stepFromQuery,
	type KeyCommand
} from './presentation';
import { radarConfig } from './radar';

const dimensions = [
	{ dimensionId: 'veilig', title: 'Veilige leefomgeving' },
	{ dimensionId: 'signaleren', title: 'Tijdig signaleren' },
	{ dimensionId: 'leren', title: 'Leren en verbeteren' }
];

describe('presentationSteps', () => {
	it('has only the join step before the results are released', () => {
		expect(presentationSteps(false, dimensions)).toEqual([{ kind: 'join', title: 'Doe mee' }]);
	});

	it('no longer invites anyone to join once the session is closed', () => {
		expect(presentationSteps(true, dimensions, 'closed')[0]).toEqual({
			kind: 'join',
			title: 'Klaar met invullen'
		});
		expect(presentationSteps(false, [], 'draft')[0].title).toBe('Doe mee');
	});

	it('opens with the look back at last round when it had verbeteracties, also before release', () => {
		const look = { kind: 'lookBack', title: 'Terugblik: de verbeteracties van de vorige ronde' };
		expect(presentationSteps(false, dimensions, 'open', true)).toEqual([
			{ kind: 'join', title: 'Doe mee' },
			look
		]);
		expect(presentationSteps(true, dimensions, 'closed', true).map((s) => s.kind)).toEqual([
			'join',
			'lookBack',
			'overview',
			'dimension',
			'dimension',
			'dimension'
		]);
	});

	it('goes from join to the radar, then one step per dimension in questionnaire order', () => {
		const steps = presentationSteps(true, dimensions);
		expect(steps.map((s) => s.kind)).toEqual([
			'join',
			'overview',
			'dimension',
			'dimension',
			'dimension'
		]);
		expect(steps[2]).toEqual({
			kind: 'dimension',
			title: 'Veilige leefomgeving',
			dimensionId: 'veilig',
			index: 1,
			of: 3
		});
		expect(steps.at(-1)).toMatchObject({ dimensionId: 'leren', index: 3, of: 3 });
	});
});

describe('stepFromQuery', () => {
	it('reads a step number from the address', () => {
		expect(stepFromQuery('3', 5)).toBe(3);
	});

	it('starts at the first step when the address has none or nonsense', () => {
		for (const raw of [null, '', 'abc', '-2', '1.5', '3e2', ' 2', '99999999']) {
			expect(stepFromQuery(raw, 5)).toBe(1);
		}
	});

	it('keeps a number past either end on the nearest step', () => {
		expect(stepFromQuery('0', 5)).toBe(1);
		expect(stepFromQuery('9', 5)).toBe(5);
		// Before release a bookmarked later step shows the join step.
		expect(stepFromQuery('4', 1)).toBe(1);
	});

	it('always gives a step that exists', () => {
		fc.assert(
			fc.property(fc.option(fc.string()), fc.integer({ min: 1, max: 40 }), (raw, count) => {
				const step = stepFromQuery(raw, count);
				expect(Number.isInteger(step)).toBe(true);
				expect(step).toBeGreaterThanOrEqual(1);
				expect(step).toBeLessThanOrEqual(count);
			})
		);
	});
});

describe('neighbours', () => {
	it('has no previous step at the start and no next step at the end', () => {
		expect(neighbours(1, 4)).toEqual({ previous: null, next: 2 });
		expect(neighbours(3, 4)).toEqual({ previous: 2, next: 4 });
		expect(neighbours(4, 4)).toEqual({ previous: 3, next: null });
		expect(neighbours(1, 1)).toEqual({ previous: null, next: null });
	});
});

describe('keyCommand', () => {
	it('goes forward with the right arrow, Page Down (a clicker) and Space', () => {
		for (const key of ['ArrowRight', 'PageDown', ' ']) expect(keyCommand({ key })).toBe('next');
	});

	it('goes back with the left arrow, Page Up and Shift+Space', () => {
		for (const key of ['ArrowLeft', 'PageUp']) expect(keyCommand({ key })).toBe('previous');
		expect(keyCommand({ key: ' ', shiftKey: true })).toBe('previous');
	});

	it('leaves with Escape, and jumps to either end with Home and End', () => {
		expect(keyCommand({ key: 'Escape' })).toBe('leave');
		expect(keyCommand({ key: 'Home' })).toBe('first');
		expect(keyCommand({ key: 'End' })).toBe('last');
	});

	it('leaves keys with Alt, Ctrl or Cmd to the browser, and ignores other keys', () => {
		expect(keyCommand({ key: 'ArrowLeft', altKey: true })).toBeNull();
		expect(keyCommand({ key: 'ArrowRight', ctrlKey: true })).toBeNull();
		expect(keyCommand({ key: 'PageDown', metaKey: true })).toBeNull();
		expect(keyCommand({ key: 'Tab' })).toBeNull();
		expect(keyCommand({ key: 'a' })).toBeNull();
	});
});

describe('stepAfter', () => {
	it('moves one step, or to either end', () => {
		expect(stepAfter('next', 2, 5)).toBe(3);
		expect(stepAfter('previous', 2, 5)).toBe(1);
		expect(stepAfter('first', 4, 5)).toBe(1);
		expect(stepAfter('last', 2, 5)).toBe(5);
	});

	it('goes nowhere past either end, to the same step, or when leaving', () => {
		expect(stepAfter('next', 5, 5)).toBeNull();
		expect(stepAfter('previous', 1, 5)).toBeNull();
		expect(stepAfter('first', 1, 5)).toBeNull();
		expect(stepAfter('leave', 3, 5)).toBeNull();
	});

	it('never leads outside the steps', () => {
		const commands: KeyCommand[] = ['next', 'previous', 'first', 'last', 'leave'];
		fc.assert(
			fc.property(
				fc.constantFrom(...commands),
				fc
					.integer({ min: 1, max: 30 })
					.chain((count) => fc.tuple(fc.constant(count), fc.integer({ min: 1, max: count }))),
				(command, [count, step]) => {
					const target = stepAfter(command, step, count);
					if (target !== null) {
						expect(target).toBeGreaterThanOrEqual(1);
						expect(target).toBeLessThanOrEqual(count);
						expect(target).not.toBe(step);
					}
				}
			)
		);
	});
});

describe('stepAnnouncement', () => {
	it('says which step of how many, and its title', () => {
		const steps = presentationSteps(true, dimensions);
		expect(stepAnnouncement(3, steps)).toBe('Stap 3 van 5: Veilige leefomgeving');
		expect(stepAnnouncement(1, steps)).toBe('Stap 1 van 5: Doe mee');
	});
});

describe('dimensionHighlights', () => {
	const item = (itemId: string, dimensionId: string, sd: number | null, flags: number) => ({
		itemId,
		dimensionId,
		sd,
		flags
	});
	const items = [
		item('a', 'veilig', 0.5, 0),
		item('b', 'veilig', 1.4, 2),
		item('c', 'veilig', null, 4),
		item('d', 'veilig', 1.4, 1),
		item('e', 'veilig', 0.9, 0),
		item('f', 'leren', 2.0, 5)
	];

	it('lists the statements of that dimension with the widest spread first, ties in questionnaire order', () => {
		const { mostSpread } = dimensionHighlights(items, 'veilig');
		expect(mostSpread.map((i) => i.itemId)).toEqual(['b', 'd', 'e']);
	});

	it('leaves out a statement whose spread is not shown', () => {
		const { mostSpread } = dimensionHighlights(items, 'veilig', 10);
		expect(mostSpread.map((i) => i.itemId)).not.toContain('c');
	});

	it('lists the statements most people want to talk about, only those someone ticked', () => {
		const { mostFlags } = dimensionHighlights(items, 'veilig');
		expect(mostFlags.map((i) => i.itemId)).toEqual(['c', 'b', 'd']);
		expect(dimensionHighlights(items, 'signaleren')).toEqual({ mostSpread: [], mostFlags: [] });
	});
});

describe('beamerRadar', () => {
	const config = radarConfig({
		axes: ['Veilige leefomgeving', 'Tijdig signaleren', 'Leren'],
		scaleMin: 1,
		scaleMax: 5,
		series: [
			{ label: 'Gemiddelde van het team', values: [3, 4, 2] },
			{ label: 'Gewenst', values: [4, 5, 4] }
		],
		band: { label: 'Spreiding', low: [2, 3, 1], high: [4, 5, 3] }
	});

	it('writes every label on the beamer in at least 18 pixels', () => {
		const big = beamerRadar(config);
		expect(BEAMER_LABEL_PX).toBeGreaterThanOrEqual(18);
		expect(big.options.scales.r.pointLabels.font.size).toBe(BEAMER_LABEL_PX);
		const options = big.options as unknown as {
			scales: { r: { ticks: { font: { size: number } } } };
			plugins: { legend: { labels: { font: { size: number } } } };
		};
		expect(options.scales.r.ticks.font.size).toBeGreaterThanOrEqual(18);
		expect(options.plugins.legend.labels.font.size).toBeGreaterThanOrEqual(18);
	});

	it('keeps every line and value of the results page, a second line included', () => {
		const big = beamerRadar(config);
		expect(big.data.labels).toEqual(config.data.labels);
		expect(big.data.datasets.map((d) => [d.label, d.data])).toEqual(
			config.data.datasets.map((d) => [d.label, d.data])
		);
	});

	it('leaves the results page its own configuration', () => {
		const before = structuredClone(config);
		beamerRadar(config);
		expect(config).toEqual(before);
	});
});
