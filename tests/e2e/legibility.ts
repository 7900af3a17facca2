import type { Page } from '@playwright/test';

export interface LowContrast {
	control: string;
	text: string;
	ratio: number;
}

/**
 * Every visible control's text (links, buttons, inputs, selects, summaries) against what is really
 * behind it: the first ancestor with a background colour, blended through any transparency and
 * opacity on the way. axe leaves such cases "incomplete" (a link styled as a button on its own
 * background colour passed unnoticed), so this computes the ratio itself (WCAG 2.1 formula).
 */
export function controlsWithLowContrast(page: Page, minimum = 4.5): Promise<LowContrast[]> {
	return page.evaluate((minimum) => {
		type Rgba = [number, number, number, number];
		const parse = (value: string): Rgba | null => {
			const m = value.match(/rgba?\(([^)]+)\)/);
			if (!m) return null;
			const parts = m[1]
				.split(/[\s,/]+/)
				.filter(Boolean)
				.map(Number);
			return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
		};
		/** top over bottom (bottom opaque) */
		const blend = (top: Rgba, bottom: Rgba): Rgba => {
			const a = top[3];
			return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1) as Rgba;
		};
		const luminance = ([r, g, b]: Rgba) => {
			const lin = (c: number) => {
				const s = c / 255;
				return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
			};
			return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
		};
		const ratio = (a: Rgba, b: Rgba) => {
			const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
			return (hi + 0.05) / (lo + 0.05);
		};
		/** Background layers from the element up; the page itself is white. */
		const backgroundOf = (element: Element): Rgba => {
			const layers: Rgba[] = [];
			for (let node: Element | null = element; node; node = node.parentElement) {
				const colour = parse(getComputedStyle(node).backgroundColor);
				if (colour && colour[3] > 0) {
					layers.push(colour);
					if (colour[3] >= 1) break;
				}
			}
			let result: Rgba = [255, 255, 255, 1];
			for (const layer of layers.reverse()) result = blend(layer, result);
			return result;
		};
		const opacityOf = (element: Element) => {
			let opacity = 1;
			for (let node: Element | null = element; node; node = node.parentElement) {
				opacity *= Number(getComputedStyle(node).opacity);
			}
			return opacity;
		};
		const visible = (element: HTMLElement) => {
			const box = element.getBoundingClientRect();
			const style = getComputedStyle(element);
			return (
				box.width > 1 &&
				box.height > 1 &&
				style.visibility !== 'hidden' &&
				element.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
				!element.closest('.visually-hidden, .skip-link')
			);
		};
		const found: { control: string; text: string; ratio: number }[] = [];
		const controls = document.querySelectorAll<HTMLElement>(
			'a[href], button, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea, summary'
		);
		for (const control of controls) {
			if (!visible(control) || (control as HTMLButtonElement).disabled) continue;
			const isField = control.matches('input, select, textarea');
			const text = isField
				? ((control as HTMLInputElement).value ?? '')
				: (control.innerText ?? '').trim();
			if (!text && !isField) continue;
			const background = backgroundOf(control);
			const colour = parse(getComputedStyle(control).color) ?? [0, 0, 0, 1];
			const shown = blend(
				[colour[0], colour[1], colour[2], colour[3] * opacityOf(control)],
				background
			);
			const value = ratio(shown, background);
			if (value < minimum) {
				found.push({
					control: `${control.tagName.toLowerCase()}${control.className ? '.' + String(control.className).split(' ').join('.') : ''}`,
					text: text.slice(0, 60),
					ratio: Math.round(value * 100) / 100
				});
			}
		}
		return found;
	}, minimum);
}

/** The font families used for visible text on the page, code and monospace excepted. */
export function fontFamiliesOnPage(page: Page): Promise<Record<string, string[]>> {
	return page.evaluate(() => {
		const families: Record<string, string[]> = {};
		for (const element of document.querySelectorAll<HTMLElement>('body *')) {
			const ownText = [...element.childNodes].some(
				(n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== ''
			);
			// Check boxes and radio buttons show no text; Chromium gives them its own control font.
			const isField = element.matches(
				'input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea, button'
			);
			if (!ownText && !isField) continue;
			if (!element.checkVisibility() || element.closest('script, style, svg, code, pre, kbd')) {
				continue;
			}
			const family = getComputedStyle(element).fontFamily;
			if (/monospace/.test(family)) continue;
			(families[family] ??= []).push(element.tagName.toLowerCase());
		}
		for (const key of Object.keys(families)) families[key] = [...new Set(families[key])];
		return families;
	});
}

/** Visible selects too narrow for their longest option: the text would be cut off when chosen. */
export function selectsCuttingOptions(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const context = document.createElement('canvas').getContext('2d')!;
		return [...document.querySelectorAll<HTMLSelectElement>('select')]
			.filter((select) => select.checkVisibility())
			.filter((select) => {
				const style = getComputedStyle(select);
				context.font = style.font;
				const longest = Math.max(
					...[...select.options].map((o) => context.measureText(o.text).width)
				);
				const room =
					select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20; // the arrow
				return longest > room;
			})
			.map((select) => `select#${select.id || select.name}`);
	});
}

export interface CutSelect {
	select: string;
	option: string;
	/** how many pixels the option's text is wider than the room the closed select gives it */
	short: number;
}

/**
 * Selects whose closed box cuts off an option's text: a select cannot wrap, so on a phone a long
 * option shows only its beginning. The room is the box minus its padding, border and the arrow.
 */
export function cutSelects(page: Page): Promise<CutSelect[]> {
	return page.evaluate(() => {
		// Chromium draws the arrow inside the padding box; 24px covers it at 16px text.
		const ARROW = 24;
		const context = document.createElement('canvas').getContext('2d')!;
		const cut: { select: string; option: string; short: number }[] = [];
		for (const select of document.querySelectorAll('select')) {
			if (!select.checkVisibility()) continue;
			const style = getComputedStyle(select);
			context.font = style.font;
			const room =
				select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - ARROW;
			for (const option of select.options) {
				const width = context.measureText(option.text).width;
				if (width > room) {
					cut.push({
						select: select.id || select.name,
						option: option.text,
						short: Math.ceil(width - room)
					});
				}
			}
		}
		return cut;
	});
}
