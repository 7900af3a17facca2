import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The papers for a gemeente (docs/, README, publiccode.yml, LICENSE) are written from what the code
 * does. These tests fail when they drift: a setting they name that no code reads any more, a test
 * or source file they point to that is gone, a publiccode.yml that no catalogue would accept.
 */
const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const docs = readdirSync(join(root, 'docs')).map((name) => ({
	path: `docs/${name}`,
	text: read(`docs/${name}`)
}));

function filesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? filesUnder(path) : [path];
	});
}

/** Everything that may read a setting: the app, the scripts, the test config, and adapter-node. */
const readers = [
	...filesUnder(join(root, 'src')).filter((p) => !/\.spec\.ts$/.test(p)),
	...filesUnder(join(root, 'scripts')),
	join(root, 'playwright.config.ts'),
	...filesUnder(join(root, 'node_modules', '@sveltejs', 'adapter-node', 'files'))
].map((path) => readFileSync(path, 'utf8'));

/** Settings a text names: `SOME_SETTING`, NAME=value, and the first column of a settings table. */
export function namedSettings(text: string): Set<string> {
	const names = new Set<string>();
	for (const m of text.matchAll(/`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?:=[^`]*)?`/g)) names.add(m[1]);
	for (const m of text.matchAll(/(?:^|[\s`])([A-Z][A-Z0-9_]{2,})=/gm)) names.add(m[1]);
	for (const m of text.matchAll(/^\|\s*`([A-Z][A-Z0-9_]+)`\s*\|/gm)) names.add(m[1]);
	return names;
}

/** Settings of Node.js itself, read by the runtime rather than by our code. */
const NODE_SETTINGS = new Set(['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS']);

function isRead(name: string): boolean {
	if (NODE_SETTINGS.has(name)) return true;
	const pattern = new RegExp(`(env\\.|env\\[['"\`]|['"\`])${name}\\b`);
	return readers.some((text) => pattern.test(text));
}

describe('the papers name only settings the code reads', () => {
	const sources = [...docs, { path: 'README.md', text: read('README.md') }];
	const named = new Map<string, string[]>();
	for (const { path, text } of sources) {
		for (const name of namedSettings(text)) named.set(name, [...(named.get(name) ?? []), path]);
	}

	it('finds the settings in docs/ and the README (the check is not empty)', () => {
		for (const name of ['PORT', 'HOST', 'ORIGIN', 'SMTP_HOST', 'METRICS_TOKEN', 'TRUSTED_PROXIES'])
			expect(named.has(name), name).toBe(true);
	});

	it('every named setting is read somewhere in src/, scripts/ or by adapter-node', () => {
		const missing = [...named]
			.filter(([name]) => !isRead(name))
			.map(([n, where]) => `${n} (${where.join(', ')})`);
		expect(missing).toEqual([]);
	});

	it('would notice a setting that no code reads', () => {
		expect(namedSettings('Zet `WIJKSPIEGEL_BESTAAT_NIET=1`.').has('WIJKSPIEGEL_BESTAAT_NIET')).toBe(
			true
		);
		expect(isRead('WIJKSPIEGEL_BESTAAT_NIET')).toBe(false);
	});

	it('the README settings table lists the mail and metrics settings', () => {
		const table = namedSettings(read('README.md'));
		for (const name of [
			'SMTP_HOST',
			'SMTP_PORT',
			'SMTP_TLS',
			'SMTP_USER',
			'SMTP_PASSWORD',
			'SMTP_FROM',
			'METRICS_TOKEN'
		])
			expect(table.has(name), name).toBe(true);
	});
});

describe('the papers point at files that exist', () => {
	it('every src/, tests/, scripts/ or docs/ path they name is there', () => {
		const missing: string[] = [];
		for (const { path, text } of docs) {
			for (const m of text.matchAll(/`((?:src|tests|scripts|docs)\/[\w./-]+\.[a-z]+)`/g)) {
				if (!existsSync(join(root, m[1]))) missing.push(`${path}: ${m[1]}`);
			}
			for (const m of text.matchAll(/\]\(([\w.-]+\.(?:md|conf|service))\)/g)) {
				if (!existsSync(join(root, 'docs', m[1]))) missing.push(`${path}: ${m[1]}`);
			}
		}
		expect(missing).toEqual([]);
	});
});

describe('publiccode.yml', () => {
	const code = parse(read('publiccode.yml'));
	const pkg = JSON.parse(read('package.json'));

	it('has the fields the standard requires', () => {
		for (const key of [
			'publiccodeYmlVersion',
			'name',
			'url',
			'platforms',
			'categories',
			'developmentStatus',
			'softwareType',
			'description',
			'legal',
			'maintenance',
			'localisation'
		]) {
			expect(code, key).toHaveProperty(key);
		}
		expect(code.publiccodeYmlVersion).toBe('0.4');
		expect(['concept', 'development', 'beta', 'stable', 'obsolete']).toContain(
			code.developmentStatus
		);
		expect(code.localisation.availableLanguages).toEqual(['nl']);
		expect(code.maintenance.contacts.length).toBeGreaterThan(0);
	});

	it('describes the software in Dutch and English within the lengths the standard allows', () => {
		for (const language of ['nl', 'en']) {
			const d = code.description[language];
			expect(d.shortDescription.length, language).toBeLessThanOrEqual(150);
			expect(d.longDescription.length, language).toBeGreaterThanOrEqual(150);
			expect(d.longDescription.length, language).toBeLessThanOrEqual(10_000);
			expect(d.features.length, language).toBeGreaterThan(0);
		}
	});

	it('names the licence and version that LICENSE and package.json have', () => {
		expect(code.legal.license).toBe('EUPL-1.2');
		expect(pkg.license).toBe('EUPL-1.2');
		expect(code.softwareVersion).toBe(pkg.version);
		const license = read('LICENSE');
		expect(license).toMatch(
			/^\s*EUROPEAN UNION PUBLIC LICENCE v\. 1\.2\n\s*EUPL © the European Union 2007, 2016/
		);
		for (let article = 1; article <= 15; article++)
			expect(license).toMatch(new RegExp(`^${article}\\. `, 'm'));
		expect(license).toContain('‘Compatible Licences’ according to Article 5 EUPL are:');
	});
});

describe('the README', () => {
	it('shows the nginx configuration that the reverse-proxy test runs, unchanged', () => {
		const block = /```nginx\n([\s\S]*?)```/.exec(read('README.md'))?.[1];
		expect(block).toBe(read('docs/nginx-wijkspiegel.conf'));
	});
});
