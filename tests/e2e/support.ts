import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { join } from 'node:path';

/** axe-core with the WCAG 2.1 A and AA rules; any violation fails the test with its details. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
	expect(summary).toEqual([]);
}

/** Read-only access to the e2e server's database, to check what was (not) stored. */
export function readDatabase<T>(query: (db: Database.Database) => T): T {
	const dir = process.env.E2E_DATA_DIR;
	if (!dir) throw new Error('E2E_DATA_DIR is not set');
	const db = new Database(join(dir, 'e2e.db'), { readonly: true, fileMustExist: true });
	try {
		return query(db);
	} finally {
		db.close();
	}
}
