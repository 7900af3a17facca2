import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	answerField,
	COMMENT_MAX,
	commentField,
	DONT_KNOW,
	flagField,
	parsePage,
	unansweredItems
} from './answers';
import { desiredField } from './desired';
import type { Questionnaire } from './questionnaire';

const questionnaire: Questionnaire = {
	id: 'proef',
	version: 1,
	title: 'Proef',
	introduction: 'Proef.',
	sources: ['Bron'],
	scale: {
		points: [1, 2, 3, 4, 5].map((value) => ({ value, label: `Punt ${value}` })),
		dontKnow: 'Weet ik niet'
	},
	dimensions: [
		{
			id: 'een',
			title: 'Een',
			chartLabel: 'Een',
			description: 'Een.',
			source: 'Bron',
			items: [
				{ id: 'a', statement: 'A.' },
				{ id: 'b', statement: 'B.', reverse: true }
			]
		},
		{
			id: 'twee',
			title: 'Twee',
			chartLabel: 'Twee',
			description: 'Twee.',
			source: 'Bron',
			items: [{ id: 'c', statement: 'C.' }]
		}
	]
};
const [first, second] = questionnaire.dimensions;

function form(fields: Record<string, string>): FormData {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.append(k, v);
	return data;
}

describe('parsePage', () => {
	it('reads scores, "weet ik niet", flags and the comment of one page', () => {
		const result = parsePage(
			questionnaire,
			first,
			form({
				[answerField('a')]: '4',
				[answerField('b')]: DONT_KNOW,
				[flagField('b')]: 'on',
				[commentField('een')]: '  Goed bezig.  ',
				naar: 'volgende'
			})
		);
		expect(result).toEqual({
			ok: true,
			input: {
				answers: [
					{ itemId: 'a', value: 4, dontKnow: false, flagged: false },
					{ itemId: 'b', value: null, dontKnow: true, flagged: true }
				],
				comment: 'Goed bezig.',
				desired: null,
				assignment: []
			}
		});
	});

	it('treats a statement left open as no answer', () => {
		const result = parsePage(questionnaire, first, form({}));
		expect(result.ok && result.input.answers.every((a) => a.value === null && !a.dontKnow)).toBe(
			true
		);
	});

	it('accepts every value on the scale', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 5 }), (value) => {
				const result = parsePage(questionnaire, first, form({ [answerField('a')]: String(value) }));
				expect(result.ok && result.input.answers[0].value).toBe(value);
			})
		);
	});

	it('refuses any value off the scale, in Dutch, naming the field', () => {
		fc.assert(
			fc.property(
				fc.string().filter((v) => !['1', '2', '3', '4', '5', DONT_KNOW].includes(v)),
				(value) => {
					const result = parsePage(questionnaire, first, form({ [answerField('a')]: value }));
					expect(result.ok).toBe(false);
					if (!result.ok)
						expect(result.errors[answerField('a')]).toMatch(/Kies een van de antwoorden/);
				}
			)
		);
	});

	it('refuses a statement of another page or another questionnaire', () => {
		const result = parsePage(questionnaire, first, form({ [answerField('c')]: '3' }));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors[answerField('c')]).toMatch(/hoort niet bij deze pagina/);
		expect(parsePage(questionnaire, second, form({ [answerField('zz')]: '3' })).ok).toBe(false);
	});

	it('refuses a comment over the limit and accepts one at the limit', () => {
		const at = parsePage(
			questionnaire,
			first,
			form({ [commentField('een')]: 'x'.repeat(COMMENT_MAX) })
		);
		expect(at.ok).toBe(true);
		const over = parsePage(
			questionnaire,
			first,
			form({ [commentField('een')]: 'x'.repeat(COMMENT_MAX + 1) })
		);
		expect(over.ok).toBe(false);
		if (!over.ok) expect(over.errors[commentField('een')]).toMatch(/te lang/);
	});

	it('refuses a field sent twice', () => {
		const data = form({ [answerField('a')]: '1' });
		data.append(answerField('a'), '5');
		expect(parsePage(questionnaire, first, data).ok).toBe(false);
	});

	it('refuses "weet ik niet" when the questionnaire has no such choice', () => {
		const strict = { ...questionnaire, scale: { points: questionnaire.scale.points } };
		expect(parsePage(strict, first, form({ [answerField('a')]: DONT_KNOW })).ok).toBe(false);
	});
});

describe('unansweredItems', () => {
	it('lists statements without a score or "weet ik niet", with their page', () => {
		const open = unansweredItems(questionnaire, [
			{ itemId: 'a', value: 3, dontKnow: false },
			{ itemId: 'b', value: null, dontKnow: false }
		]);
		expect(open.map((o) => [o.itemId, o.step])).toEqual([
			['b', 1],
			['c', 2]
		]);
	});

	it('counts "weet ik niet" as answered', () => {
		const open = unansweredItems(questionnaire, [
			{ itemId: 'a', value: null, dontKnow: true },
			{ itemId: 'b', value: 1, dontKnow: false },
			{ itemId: 'c', value: 5, dontKnow: false }
		]);
		expect(open).toEqual([]);
	});
});

describe('formRecord', () => {
	it('treats fields named like object properties as ordinary fields', () => {
		for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
			const result = parsePage(questionnaire, first, form({ [name]: 'x' }));
			expect(result.ok).toBe(false);
			if (!result.ok) expect(Object.keys(result.errors)).toEqual([name]);
		}
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('parsePage with "gewenst"', () => {
	const withDesired: Questionnaire = { ...questionnaire, gewenst: true };
	const [page] = withDesired.dimensions;

	it('reads the page\'s "gewenst" score, "weet ik niet", or no answer', () => {
		const read = (raw?: string) => {
			const result = parsePage(
				withDesired,
				page,
				form(raw === undefined ? {} : { [desiredField('een')]: raw })
			);
			return result.ok ? result.input.desired : result;
		};
		expect(read('5')).toEqual({ value: 5, dontKnow: false });
		expect(read(DONT_KNOW)).toEqual({ value: null, dontKnow: true });
		expect(read()).toEqual({ value: null, dontKnow: false });
	});

	it('refuses a "gewenst" score outside the scale, with a Dutch message', () => {
		fc.assert(
			fc.property(
				fc.string().filter((v) => !['1', '2', '3', '4', '5', DONT_KNOW].includes(v)),
				(raw) => {
					const result = parsePage(withDesired, page, form({ [desiredField('een')]: raw }));
					expect(result.ok).toBe(false);
					if (!result.ok) expect(result.errors[desiredField('een')]).toMatch(/over een jaar/);
				}
			)
		);
	});

	it('refuses a "gewenst" field when the questionnaire does not ask it', () => {
		const result = parsePage(questionnaire, first, form({ [desiredField('een')]: '4' }));
		expect(result.ok).toBe(false);
	});

	it('refuses the "gewenst" answer of another page', () => {
		const result = parsePage(withDesired, page, form({ [desiredField('twee')]: '4' }));
		expect(result.ok).toBe(false);
	});
});
