import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { ensureFixture } from './accounts';
import { controlsWithLowContrast, fontFamiliesOnPage, selectsCuttingOptions } from './legibility';
import { tour, type Tourist } from './tour';

// Every page each kind of user meets: readable controls, one font family, axe clean, including
// axe's experimental label-content-name-mismatch (a button whose label does not start with its
// visible text cannot be used by voice control).
for (const who of ['teamlid', 'beheerder', 'begeleider', 'gemeente'] as Tourist[]) {
	test(`every page as ${who}: links work, control text readable, one font family, axe clean`, async ({
		page
	}) => {
		test.setTimeout(180_000);
		ensureFixture();
		const problems: string[] = [];
		let pages = 0;
		const broken: string[] = [];
		await tour(
			page,
			who,
			async (path) => {
				pages++;
				for (const low of await controlsWithLowContrast(page)) {
					problems.push(`${path}: ${low.control} "${low.text}" contrast ${low.ratio}:1`);
				}
				for (const select of await selectsCuttingOptions(page)) {
					problems.push(`${path}: ${select} cuts its longest option off`);
				}
				const families = Object.keys(await fontFamiliesOnPage(page));
				if (families.length > 1) problems.push(`${path}: fonts ${families.join(' | ')}`);
				const axe = await new AxeBuilder({ page })
					.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
					.options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
					.analyze();
				for (const v of axe.violations) {
					problems.push(
						`${path}: axe ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
					);
				}
			},
			broken
		);
		expect(pages).toBeGreaterThan(who === 'teamlid' ? 6 : 4);
		// Every link a user is shown works for that user (a gemeente account got 403 on sessions).
		expect(broken).toEqual([]);
		expect(problems).toEqual([]);
	});
}
