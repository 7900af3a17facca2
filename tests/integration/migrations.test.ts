import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

describe('migrations', () => {
	it('match the drizzle schema: generating from the schema adds nothing', () => {
		// drizzle-kit takes --out relative to the working directory, so the copy lives in the project.
		mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
		const out = relative(root, mkdtempSync(join(root, 'node_modules', '.cache', 'migrations-')));
		try {
			cpSync(join(root, 'migrations'), join(root, out), { recursive: true });
			const before = readdirSync(join(root, out)).sort();
			const output = execFileSync(
				process.execPath,
				[
					join(root, 'node_modules', 'drizzle-kit', 'bin.cjs'),
					'generate',
					'--dialect=sqlite',
					'--schema=./src/lib/server/db/schema.ts',
					`--out=${out}`
				],
				{ cwd: root, stdio: 'pipe', encoding: 'utf8' }
			);
			expect(output).toContain('No schema changes');
			expect(readdirSync(join(root, out)).sort()).toEqual(before);
		} finally {
			rmSync(join(root, out), { recursive: true, force: true });
		}
	});
});
