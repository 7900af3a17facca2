import AxeBuilder from '@axe-core/playwright';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
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

/** Write access for test fixtures the demo lacks (the server sees them at once: WAL, busy timeout). */
export function writeDatabase<T>(change: (db: Database.Database) => T): T {
	const dir = process.env.E2E_DATA_DIR;
	if (!dir) throw new Error('E2E_DATA_DIR is not set');
	const db = new Database(join(dir, 'e2e.db'), { fileMustExist: true });
	db.pragma('busy_timeout = 5000');
	try {
		return change(db);
	} finally {
		db.close();
	}
}

/**
 * Waits until the page's script runs. Before that a form posts without JavaScript and a key press
 * does nothing: a test of the enhanced behaviour must not act earlier.
 */
export async function waitForScript(page: Page): Promise<void> {
	await page.locator('html[data-script="klaar"]').waitFor({ state: 'attached' });
}

/** The join code of a demo session in the given state. */
export function demoCode(status: 'open' | 'closed' | 'draft'): string {
	return readDatabase(
		(db) =>
			db
				.prepare(
					`SELECT s.join_code FROM sessions s JOIN questionnaire_versions q ON q.id = s.questionnaire_version_id
					 WHERE s.status = ? ORDER BY s.id LIMIT 1`
				)
				.pluck()
				.get(status) as string
	);
}

/** The database id of the response behind a browser context's cookie for a session. */
export async function responseIdOf(context: BrowserContext, joinCode: string): Promise<number> {
	const cookie = (await context.cookies()).find(
		(c) => c.name === 'wijkspiegel_deelnemer' && c.path === `/s/${joinCode}`
	);
	if (!cookie) throw new Error('no respondent cookie');
	const hash = createHash('sha256').update(cookie.value).digest('hex');
	return readDatabase(
		(db) => db.prepare('SELECT id FROM responses WHERE token_hash = ?').pluck().get(hash) as number
	);
}

export function answersOfResponse(responseId: number) {
	return readDatabase(
		(db) =>
			db
				.prepare(
					'SELECT item_id AS itemId, value, dont_know AS dontKnow, flagged FROM answers WHERE response_id = ? ORDER BY item_id'
				)
				.all(responseId) as {
				itemId: string;
				value: number | null;
				dontKnow: number;
				flagged: number;
			}[]
	);
}

/** Logs in through the real form and waits for the workspace. */
export async function login(page: Page, account: { email: string; password: string }) {
	await page.goto('/inloggen');
	await page.getByLabel('E-mailadres').fill(account.email);
	await page.getByLabel('Wachtwoord').fill(account.password);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL('/beheer', { timeout: 15_000 });
}
