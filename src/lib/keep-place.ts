import { goto } from '$app/navigation';
import type { SubmitFunction } from '@sveltejs/kit';

/**
 * `use:enhance` for forms on a long page that answer with a redirect back to an anchor (the
 * results page's conclusions and verbeteracties). Without JavaScript the browser jumps to that
 * anchor; with it the page stays exactly where the facilitator was, and only the data updates.
 * `reset` empties the form after saving (a form that adds something); `scroll` follows the anchor
 * (to show what was just added); `saved` runs after a successful save.
 */
export function keepPlace(
	options: { reset?: boolean; scroll?: boolean; saved?: () => void } = {}
): SubmitFunction {
	return ({ formElement }) =>
		async ({ result, update }) => {
			if (result.type !== 'redirect') {
				// Errors show beside the fields; keep what was typed.
				await update({ reset: false });
				return;
			}
			await goto(result.location, {
				noScroll: !options.scroll,
				keepFocus: true,
				invalidateAll: true,
				replaceState: true
			});
			if (options.reset) formElement.reset();
			options.saved?.();
			// A deleted item took the focused button with it: continue from the anchor instead.
			if (!formElement.isConnected) {
				const anchor = new URL(result.location, location.href).hash.slice(1);
				document.getElementById(anchor)?.focus({ preventScroll: !options.scroll });
			}
		};
}
