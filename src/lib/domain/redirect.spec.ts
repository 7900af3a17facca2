import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_AFTER_LOGIN, safeNextPath } from './redirect';

const BASE = 'https://app.example';

describe('safeNextPath', () => {
	it('keeps paths of the app, with their query', () => {
		expect(safeNextPath('/beheer/sessies/4')).toBe('/beheer/sessies/4');
		expect(safeNextPath('/beheer/vergelijken?team=1&team=2')).toBe(
			'/beheer/vergelijken?team=1&team=2'
		);
	});

	it('refuses every way the probe and browsers reach another site', () => {
		for (const bad of [
			'/\\127.0.0.1:4899/x', // the probe's W2 request, after decoding %5C
			'//evil.example/x',
			'/\\/evil.example',
			'/x\\y',
			'/\t/evil.example',
			'/\n/evil.example',
			'/\u0000x',
			'https://evil.example',
			'javascript:alert(1)',
			'beheer',
			'',
			null
		]) {
			expect(safeNextPath(bad), JSON.stringify(bad)).toBe(DEFAULT_AFTER_LOGIN);
		}
	});

	it('never returns something that leaves the site or holds a backslash or control character', () => {
		const tricky = fc.constantFrom(
			'/',
			'\\',
			'/',
			':',
			'.',
			'\t',
			'\n',
			'\r',
			'a',
			'@',
			'%',
			'?',
			'#'
		);
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string(),
					fc.array(tricky, { maxLength: 12 }).map((a) => a.join(''))
				),
				(input) => {
					const next = safeNextPath(input);
					expect(next.startsWith('/')).toBe(true);
					expect(next).not.toMatch(/\\/);
					// eslint-disable-next-line no-control-regex
					expect(next).not.toMatch(/[\u0000-\u001f\u007f]/);
					expect(new URL(next, BASE).origin).toBe(BASE);
				}
			),
			{ numRuns: 2000 }
		);
	});
});
