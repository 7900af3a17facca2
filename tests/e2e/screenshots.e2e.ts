import { expect, test } from '@playwright/test';
import { ensureFixture } from './accounts';
import { cutSelects } from './legibility';
import { tour, type Tourist } from './tour';

// A screenshot of every page each kind of user meets, on a phone, a laptop and a beamer, to look at
// by eye (test-results/screenshots/, not committed). Checked here: each page renders, none is
// wider than the screen and no select cuts off an option.
const SIZES = [
	{ name: 'telefoon-390x844', width: 390, height: 844 },
	{ name: 'laptop-1366x768', width: 1366, height: 768 },
	{ name: 'beamer-1920x1080', width: 1920, height: 1080 }
];

for (const size of SIZES) {
	for (const who of ['teamlid', 'beheerder', 'begeleider', 'gemeente'] as Tourist[]) {
		test(`screenshots at ${size.name} as ${who}`, async ({ page }) => {
			test.setTimeout(180_000);
			ensureFixture();
			await page.setViewportSize({ width: size.width, height: size.height });
			let n = 0;
			const wide: string[] = [];
			const cut: string[] = [];
			await tour(page, who, async (path) => {
				await expect(page.locator('h1').first()).toBeVisible();
				const slug = path.replace(/^\//, '').replace(/[^a-z0-9]+/gi, '-') || 'home';
				// Nothing sticks out sideways: on a phone the page must not need sideways scrolling.
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth
				);
				if (overflow > 0) wide.push(`${path}: ${overflow}px`);
				// A select cannot wrap: its longest option must fit the closed box.
				// Teams that other tests make in parallel carry long made-up names: not the demo's.
				for (const c of (await cutSelects(page)).filter((c) => !/E2E|Fuzz/.test(c.option))) {
					cut.push(`${path} #${c.select}: "${c.option}" (${c.short}px te breed)`);
				}
				await page.screenshot({
					path: `test-results/screenshots/${size.name}/${who}/${String(++n).padStart(2, '0')}-${slug}.png`,
					fullPage: true
				});
			});
			expect(n).toBeGreaterThan(4);
			expect(wide).toEqual([]);
			expect(cut).toEqual([]);
		});
	}
}
