import { describe, expect, it } from 'vitest';
import { GLOSSARY, termsToExplain } from './glossary';
import { addressesFormally, wordCount } from './questionnaire-style';

const found = (text: string, context?: string) => termsToExplain(text, context).map((t) => t.found);

describe('termsToExplain', () => {
	it('finds each glossary word in the form it is written, in the order of the text', () => {
		expect(found('We bespreken een signaal van een partner met de gedragswetenschapper.')).toEqual([
			'signaal',
			'gedragswetenschapper'
		]);
		expect(found('Indicaties en Casussen')).toEqual(['Indicaties', 'Casussen']);
		expect(found('Randvoorwaarde: de juiste kwaliteiten')).toEqual(['Randvoorwaarde']);
	});

	it('matches whole words only, and a longer form before a shorter one', () => {
		expect(found('We signaleren vroeg.')).toEqual([]);
		expect(found('In de casusbespreking leren we.')).toEqual(['casusbespreking']);
	});

	it('finds a phrase of two words', () => {
		expect(found('We werken vanuit een gezamenlijke visie.')).toEqual(['gezamenlijke visie']);
		expect(found('Een visie die we gezamenlijk maken.')).toEqual([]);
	});

	it('leaves out a word the text or its help already explains', () => {
		const statement = 'Bij een zware casus kijken we terug.';
		expect(found(statement, `${statement} Een casus is de situatie van één gezin.`)).toEqual([]);
		expect(found('Indiceren betekent bepalen welke hulp iemand nodig heeft.')).toEqual([]);
		expect(found('Een signaal zijn dingen die je opvallen.')).toEqual([]);
		expect(found(statement, `${statement} Een casus kan zwaar zijn.`)).toEqual(['casus']);
	});

	it('explains each word once per text, whatever how often it appears', () => {
		expect(found('Een signaal, nog een signaal en signalen.')).toEqual(['signaal']);
	});
});

describe('the glossary', () => {
	it('speaks to colleagues with je/jullie, in short sentences', () => {
		for (const entry of GLOSSARY) {
			expect(addressesFormally(entry.explanation)).toBe(false);
			for (const sentence of entry.explanation.split(/(?<=[.?!])\s+/)) {
				expect(wordCount(sentence)).toBeLessThanOrEqual(20);
			}
		}
	});

	it('has an entry for every word the issue names', () => {
		const words = [
			'casussen',
			'signaal',
			'gedragswetenschapper',
			'gezamenlijke visie',
			'voorzieningen',
			'randvoorwaarde',
			'indiceren'
		];
		for (const word of words) expect(found(`Over ${word} gesproken.`)).toEqual([word]);
	});
});
