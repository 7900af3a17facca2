import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One gate for figures: only src/lib/server/db/results.ts reads the stored figures or marks results
 * as shown. A second reader would be a second place where the anonymity rules must be remembered.
 */
const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return /\.(ts|svelte|js)$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
	});
}

const files = sourceFiles(join(root, 'src')).map((path) => ({
	path: relative(root, path),
	text: readFileSync(path, 'utf8')
}));

describe('the one gate for figures', () => {
	it('is the only module that reads stored figures', () => {
		const readers = files
			.filter((f) => /sessionAggregates|session_aggregates/.test(f.text))
			.map((f) => f.path)
			.sort();
		// schema.ts declares the table; aggregates.ts only writes and removes it.
		expect(readers).toEqual([
			'src/lib/server/db/aggregates.ts',
			'src/lib/server/db/results.ts',
			'src/lib/server/db/schema.ts'
		]);
		const aggregates = files.find((f) => f.path === 'src/lib/server/db/aggregates.ts')!.text;
		expect(aggregates).not.toMatch(/\.select\(\)\s*\.from\(sessionAggregates\)/);
		expect(aggregates).not.toMatch(/export function (get|forSessions)\b/);
	});

	it("is the only way to a vote's totals", () => {
		const readers = files
			.filter((f) => /topicVoteTotals|topic_vote_totals/.test(f.text))
			.map((f) => f.path)
			.sort();
		// votes.ts only adds to the totals; vote-totals.ts reads them for results.ts alone.
		expect(readers).toEqual([
			'src/lib/server/db/schema.ts',
			'src/lib/server/db/vote-totals.ts',
			'src/lib/server/db/votes.ts'
		]);
		const votes = files.find((f) => f.path === 'src/lib/server/db/votes.ts')!.text;
		expect(votes).not.toMatch(/\.from\(topicVoteTotals\)/);
		const importers = files
			.filter((f) => /from '\.\/vote-totals'|db\/vote-totals'/.test(f.text))
			.map((f) => f.path);
		expect(importers).toEqual(['src/lib/server/db/results.ts']);
	});

	it('is the only module that marks results as shown', () => {
		const writers = files
			.filter((f) => /resultsShownAt:\s*now|results_shown_at\s*=/.test(f.text))
			.map((f) => f.path);
		expect(writers).toEqual(['src/lib/server/db/results.ts']);
	});
});
