import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countOf, factLine, withKind } from './wording';

describe('countOf', () => {
	it('uses the singular only for exactly one', () => {
		expect(countOf(1, 'meetronde', 'meetrondes')).toBe('1 meetronde');
		expect(countOf(0, 'team', 'teams')).toBe('0 teams');
		expect(countOf(2, 'team', 'teams')).toBe('2 teams');
	});
	it('always starts with the number itself', () => {
		fc.assert(
			fc.property(fc.nat(), (n) => {
				const text = countOf(n, 'sessie', 'sessies');
				expect(text.startsWith(`${n} `)).toBe(true);
				expect(text.endsWith(n === 1 ? ' sessie' : ' sessies')).toBe(true);
			})
		);
	});
});

describe('withKind', () => {
	it('puts the kind in front once', () => {
		expect(withKind('Leerbeweging', 'Jeugd Oost')).toBe('Leerbeweging Jeugd Oost');
		expect(withKind('Leerbeweging', 'Leerbeweging Jeugd Oost')).toBe('Leerbeweging Jeugd Oost');
		expect(withKind('Leerbeweging', 'leerbeweging jeugd')).toBe('leerbeweging jeugd');
		expect(withKind('Gemeente', 'Gemeentelijk Netwerk')).toBe('Gemeente Gemeentelijk Netwerk');
	});
	it('never repeats the kind word at the start', () => {
		fc.assert(
			fc.property(
				fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
				(name) => {
					const text = withKind('Leerbeweging', withKind('Leerbeweging', name));
					expect(text.toLowerCase().startsWith('leerbeweging leerbeweging ')).toBe(
						name.trim().toLowerCase().startsWith('leerbeweging leerbeweging ')
					);
				}
			)
		);
	});
});

describe('factLine', () => {
	it('joins with a spaced middle dot and leaves out empty parts', () => {
		expect(factLine('Wijkteam Noord', 'Voorjaar 2026', 'gesloten op 3 mrt 2026')).toBe(
			'Wijkteam Noord · Voorjaar 2026 · gesloten op 3 mrt 2026'
		);
		expect(factLine('Wijkteam Noord', null, '', 'open')).toBe('Wijkteam Noord · open');
	});
});
