/**
 * Where things land in a PDF that Chromium printed. Chromium writes every link as an uncompressed
 * annotation object listed under its page, so a test can mark elements with links (see
 * markWithLink) and read back the page each mark is on, without a PDF library.
 */
import type { Locator } from '@playwright/test';

/** The 1-based page number of every link target in the PDF. */
export function linkPages(pdf: Buffer): Map<string, number> {
	const text = pdf.toString('latin1');
	const objects = new Map<string, string>();
	for (const m of text.matchAll(/(\d+) 0 obj([^]*?)endobj/g)) objects.set(m[1], m[2]);
	// Pages in reading order: the /Kids of the page tree (one level: Chromium writes it flat).
	const kids = /\/Type\s*\/Pages\b[^]*?\/Kids\s*\[([^\]]*)\]/.exec(text);
	if (!kids) throw new Error('no page tree in the PDF');
	const pageIds = [...kids[1].matchAll(/(\d+) 0 R/g)].map((m) => m[1]);
	const where = new Map<string, number>();
	pageIds.forEach((id, index) => {
		const annots = /\/Annots\s*\[([^\]]*)\]/.exec(objects.get(id) ?? '');
		for (const ref of annots ? annots[1].matchAll(/(\d+) 0 R/g) : []) {
			const uri = /\/URI\s*\(([^)]*)\)/.exec(objects.get(ref[1]) ?? '');
			if (uri) where.set(uri[1], index + 1);
		}
	});
	return where;
}

/**
 * Puts an invisible 1px link at the top or the bottom edge of an element, out of the flow, so the
 * page it prints on shows up in linkPages without moving anything.
 */
export async function markWithLink(
	element: Locator,
	edge: 'top' | 'bottom',
	uri: string
): Promise<void> {
	await element.evaluate(
		(el, [edge, uri]) => {
			if (getComputedStyle(el).position === 'static')
				(el as HTMLElement).style.position = 'relative';
			const a = document.createElement('a');
			a.href = uri;
			a.setAttribute('aria-hidden', 'true');
			a.tabIndex = -1;
			a.style.cssText = `position:absolute;${edge}:0;left:0;width:1px;height:1px;overflow:hidden`;
			el.append(a);
		},
		[edge, uri] as const
	);
}
