import { describe, expect, it } from 'vitest';
import { addressesFormally, normsIn, styleProblems, wordCount } from './questionnaire-style';
import type { Questionnaire } from './questionnaire';

function questionnaire(statement: string, help?: string): Questionnaire {
	return {
		id: 'proef',
		version: 2,
		title: 'Proef',
		introduction: 'Denk aan jullie team als geheel.',
		sources: ['Auteur (2020)'],
		scale: {
			points: [
				{ value: 1, label: 'Oneens' },
				{ value: 2, label: 'Eens' }
			]
		},
		dimensions: [
			{
				id: 'een',
				title: 'Een',
				chartLabel: 'Een',
				description: 'Over het ene.',
				source: 'Auteur (2020)',
				guide: {
					why: 'Het doet ertoe.',
					source: 'Auteur (2020)',
					questions: ['Wat zien jullie?', 'Wat willen jullie?'],
					exampleActions: ['Samen afspreken.', 'Uitproberen.']
				},
				items: [{ id: 'e-1', statement, help }]
			}
		]
	};
}

describe('wordCount', () => {
	it('counts words separated by white space, punctuation included', () => {
		expect(wordCount('We bespreken, samen, casussen.')).toBe(4);
		expect(wordCount('  ')).toBe(0);
	});
});

describe('normsIn', () => {
	it.each([
		['We bespreken altijd de situatie met een collega.', 'altijd'],
		['Bij elk gezin is duidelijk wie de regie heeft.', 'elk'],
		['We bespreken elke maand casussen.', 'elke maand'],
		['Bij elke aanmelding doen we een triage.', 'elke'],
		['We bespreken een signaal binnen een week.', 'binnen een week'],
		['Onze hulp start binnen een paar dagen.', 'binnen een paar dagen'],
		['We bespreken onze cijfers twee keer per jaar.', 'twee keer per jaar'],
		['We overleggen minstens per kwartaal met partners.', 'per kwartaal'],
		['We vragen gezinnen regelmatig wat zij vinden.', 'regelmatig'],
		['We overleggen wekelijks.', 'wekelijks']
	])('finds the norm in "%s"', (statement, norm) => {
		expect(normsIn(statement).map((n) => n.toLowerCase())).toContain(norm);
	});

	it('leaves statements without a norm alone, also words that only contain one', () => {
		expect(normsIn('We pakken kleine vragen snel op, met elkaar en met iedereen.')).toEqual([]);
		expect(normsIn('Ook in het weekend zijn we bereikbaar.')).toEqual([]);
	});
});

describe('addressesFormally', () => {
	it('finds u and uw as words, at any place and in any case', () => {
		expect(addressesFormally('Weet u het niet?')).toBe(true);
		expect(addressesFormally('U bent anoniem.')).toBe(true);
		expect(addressesFormally('Vul uw antwoord in.')).toBe(true);
	});

	it('does not find u inside other words', () => {
		expect(addressesFormally('Veilig Thuis, een uur in het buurthuis of café.')).toBe(false);
	});
});

describe('styleProblems', () => {
	it('finds nothing in a statement that follows the rules', () => {
		expect(styleProblems(questionnaire('We bespreken samen casussen om ervan te leren.'))).toEqual(
			[]
		);
	});

	it('reports a statement over 15 words with its path and id, unless it is allowed', () => {
		const long = questionnaire(
			'We gaan zelf naar een gezin toe als we zorgen horen, ook als het gezin nog geen hulp vraagt.'
		);
		expect(styleProblems(long)).toEqual([
			{
				path: 'dimensions[0].items[0].statement',
				itemId: 'e-1',
				message: '19 woorden; hoogstens 15'
			}
		]);
		expect(styleProblems(long, new Set(['e-1']))).toEqual([]);
	});

	it('reports a norm in a statement', () => {
		const [problem] = styleProblems(questionnaire('We bespreken elke maand casussen.'));
		expect(problem.message).toMatch(/"elke maand" legt een norm op/);
	});

	it('reports u or uw in help text, the guide and the introduction', () => {
		const q = questionnaire('We leren samen.', 'Kies wat u ziet.');
		q.introduction = 'Weet u het niet, kies dan "Weet ik niet".';
		q.dimensions[0].guide!.questions[1] = 'Wat ziet uw team?';
		expect(styleProblems(q).map((p) => p.path)).toEqual([
			'introduction',
			'dimensions[0].guide.questions[1]',
			'dimensions[0].items[0].help'
		]);
	});
});
