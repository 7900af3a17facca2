import { describe, expect, it } from 'vitest';
import { QuestionnaireSchema } from './questionnaire';
import { reviewAnswers } from './review';

const questionnaire = QuestionnaireSchema.parse({
	id: 'proef',
	version: 1,
	title: 'Proef',
	introduction: 'Een proef.',
	sources: ['Een proefbron.'],
	scale: {
		points: [
			{ value: 1, label: 'Oneens' },
			{ value: 2, label: 'Neutraal' },
			{ value: 3, label: 'Eens' }
		],
		dontKnow: 'Weet ik niet'
	},
	dimensions: [
		{
			id: 'a',
			title: 'Alfa',
			chartLabel: 'Alfa',
			description: 'Over alfa.',
			source: 'proef',
			items: [
				{ id: 'a1', statement: 'Stelling een.' },
				{ id: 'a2', statement: 'Stelling twee.' }
			]
		},
		{
			id: 'b',
			title: 'Beta',
			chartLabel: 'Beta',
			description: 'Over beta.',
			source: 'proef',
			items: [{ id: 'b1', statement: 'Stelling drie.' }]
		}
	]
});

describe('reviewAnswers', () => {
	it('lists every statement with its answer in words, numbered across pages', () => {
		const steps = reviewAnswers(
			questionnaire,
			[
				{ itemId: 'a1', value: 3, dontKnow: false, flagged: true },
				{ itemId: 'b1', value: null, dontKnow: true, flagged: false }
			],
			[{ dimensionId: 'b', body: 'Goed zo.' }]
		);
		expect(steps.map((s) => [s.step, s.title, s.comment])).toEqual([
			[1, 'Alfa', ''],
			[2, 'Beta', 'Goed zo.']
		]);
		expect(steps.flatMap((s) => s.items)).toEqual([
			{ itemId: 'a1', number: 1, statement: 'Stelling een.', answer: 'Eens', flagged: true },
			{ itemId: 'a2', number: 2, statement: 'Stelling twee.', answer: null, flagged: false },
			{
				itemId: 'b1',
				number: 3,
				statement: 'Stelling drie.',
				answer: 'Weet ik niet',
				flagged: false
			}
		]);
	});
});
