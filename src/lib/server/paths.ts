import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The project root (where package.json, migrations/ and questionnaires/ live), found from this
 * module's own location so that it is the same in `vite dev`, in tests and in `node build`,
 * whatever the current directory is.
 */
export function appRoot(): string {
	if (cached) return cached;
	let dir = dirname(fileURLToPath(import.meta.url));
	for (;;) {
		if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'migrations'))) {
			cached = dir;
			return dir;
		}
		const parent = dirname(dir);
		if (parent === dir) throw new Error('Kan de map van de app (met migrations/) niet vinden');
		dir = parent;
	}
}
