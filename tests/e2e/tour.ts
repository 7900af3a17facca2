import { expect, type Page } from '@playwright/test';
import { BEHEERDER, FACILITATOR_A, VIEWER_A } from './accounts';
import { login } from './support';

/** A route once per shape: ids become :id, so the tour sees each kind of page, not every team. */
function routeShape(path: string): string {
	return path.replace(/\/\d+(?=\/|$)/g, '/:id');
}

/** Downloads and machine endpoints: not pages a person reads. */
const NOT_A_PAGE = /\/(csv|xlsx|export|qr\.svg|aantallen|healthz|bench)(\/|$|\?)/;

export type Tourist = 'teamlid' | 'beheerder' | 'begeleider' | 'gemeente';

export const ACCOUNTS = { beheerder: BEHEERDER, begeleider: FACILITATOR_A, gemeente: VIEWER_A };

/**
 * Follows every in-app link from the workspace (GET only: following links never writes) and
 * returns one address per kind of page this user can reach, in the order they were found.
 */
export async function crawlWorkspace(
	page: Page,
	broken: string[] = [],
	limit = 40
): Promise<string[]> {
	const seen = new Set<string>();
	const found: string[] = [];
	const queue = ['/beheer'];
	while (queue.length > 0 && found.length < limit) {
		const path = queue.shift()!;
		const shape = routeShape(path.split('?')[0]);
		if (seen.has(shape)) continue;
		seen.add(shape);
		const response = await page.goto(path);
		if (!response || response.status() >= 400) {
			// A link this user is shown but may not follow, or that leads nowhere.
			broken.push(`${path} (${response?.status()})`);
			continue;
		}
		found.push(path);
		const links = await page.$$eval('a[href]:not([download])', (anchors) =>
			anchors
				.map((a) => new URL((a as HTMLAnchorElement).href))
				.filter((u) => u.origin === location.origin)
				.map((u) => u.pathname + u.search)
		);
		for (const link of links) {
			if (NOT_A_PAGE.test(link) || link.startsWith('/s/') || link === '/uitloggen') continue;
			if (!seen.has(routeShape(link.split('?')[0]))) queue.push(link);
		}
	}
	return found;
}

/** Signs in (or not, for a team member) and calls visit on every page this user meets. */
export async function tour(
	page: Page,
	who: Tourist,
	visit: (path: string) => Promise<void>,
	broken: string[] = []
): Promise<void> {
	if (who === 'teamlid') {
		for (const path of [
			'/',
			'/join',
			'/inloggen',
			'/inloggen/wachtwoord-vergeten',
			'/privacy',
			'/toegankelijkheid',
			'/s/DEMO26'
		]) {
			await page.goto(path);
			await visit(path);
		}
		await page.getByRole('button', { name: 'Beginnen' }).click();
		await expect(page).toHaveURL(/\/s\/DEMO26\/1$/);
		for (let step = 1; ; step++) {
			const response = await page.goto(`/s/DEMO26/${step}`);
			if (!response || response.status() >= 400 || !/\/\d+$/.test(page.url())) break;
			await visit(new URL(page.url()).pathname);
		}
		await page.goto('/s/DEMO26/controleren');
		await visit('/s/DEMO26/controleren');
		await page.goto('/s/DEMO26/stemmen');
		await visit('/s/DEMO26/stemmen');
		return;
	}
	await login(page, ACCOUNTS[who]);
	for (const path of await crawlWorkspace(page, broken)) {
		await page.goto(path);
		await visit(path);
	}
}
