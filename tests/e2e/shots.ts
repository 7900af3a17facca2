import { expect, type Page } from '@playwright/test';

const SIZES = [
	{ name: 'telefoon-390x844', width: 390, height: 844 },
	{ name: 'laptop-1366x768', width: 1366, height: 768 },
	{ name: 'beamer-1920x1080', width: 1920, height: 1080 }
];

/**
 * The page as it is now on a phone, a laptop and a beamer (test-results/screenshots/, to look at
 * by eye), checking that nothing sticks out sideways. The viewport is put back afterwards.
 */
export async function screenshotsAtSizes(page: Page, name: string): Promise<void> {
	const original = page.viewportSize();
	for (const size of SIZES) {
		await page.setViewportSize({ width: size.width, height: size.height });
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, `${name} at ${size.name} is wider than the screen`).toBeLessThanOrEqual(0);
		await page.screenshot({
			path: `test-results/screenshots/${size.name}/inloggen/${name}.png`,
			fullPage: true
		});
	}
	if (original) await page.setViewportSize(original);
}
