import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// `npm ci` refuses a lockfile that lacks any platform's optional package (for example
// @rollup/rollup-darwin-arm64). `npm install` writes such a lockfile without a word when the
// registry does not serve that version for every platform, so CI on a clean clone would break.
// This checks the lockfile itself, without the network.

interface LockedPackage {
	version?: string;
	optionalDependencies?: Record<string, string>;
	dependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
	packages: Record<string, LockedPackage>;
};

/** npm's lookup: node_modules/name next to the package, then in each folder above it. */
function resolve(fromPath: string, name: string): string | undefined {
	let base = fromPath;
	for (;;) {
		const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
		if (lock.packages[candidate]) return candidate;
		if (!base) return undefined;
		const cut = base.lastIndexOf('/node_modules/');
		base = cut === -1 ? '' : base.slice(0, cut);
	}
}

describe('package-lock.json', () => {
	it('has an entry for every optional dependency of every locked package (so npm ci accepts it)', () => {
		const missing: string[] = [];
		for (const [path, pkg] of Object.entries(lock.packages)) {
			for (const name of Object.keys(pkg.optionalDependencies ?? {})) {
				if (!resolve(path, name)) missing.push(`${path || '(root)'} -> ${name}`);
			}
		}
		expect(missing).toEqual([]);
	});

	it('locks the same version of each optional platform package as its parent asks for', () => {
		const mismatched: string[] = [];
		for (const [path, pkg] of Object.entries(lock.packages)) {
			for (const [name, range] of Object.entries(pkg.optionalDependencies ?? {})) {
				const found = resolve(path, name);
				const version = found ? lock.packages[found].version : undefined;
				// Exact pins (as rollup, esbuild and rolldown use) must match exactly.
				if (found && /^\d+\.\d+\.\d+$/.test(range) && version !== range) {
					mismatched.push(`${name}: ${range} wanted, ${version} locked`);
				}
			}
		}
		expect(mismatched).toEqual([]);
	});
});
