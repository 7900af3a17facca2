import { meetsAnonymityRule } from './anonymity';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scoredValue, type Questionnaire } from './questionnaire';
import {
	conversationAgenda,
	DEFAULT_MIN_RESPONDENTS,
	dimensionStatistics,
	formatScore,
	itemStatistics,
	MIN_RESPONDENTS_FLOOR,
	resultSummary,
	summarize,
	type AnswerRecord,
	type DimensionStatistics,
	type ItemStatistics,
	type ResponseRecord
} from './scoring';

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
			id: 'signaleren',
			title: 'Tijdig signaleren',
			chartLabel: 'Signaleren',
			description: 'Een.',
			source: 'Bron',
			items: [
				{ id: 'a', statement: 'A.' },
				{ id: 'b', statement: 'B.', reverse: true }
			]
		},
		{
			id: 'brede-blik',
			title: 'Brede blik',
			chartLabel: 'Brede blik',
			description: 'Twee.',
			source: 'Bron',
			items: [
				{ id: 'c', statement: 'C.' },
				{ id: 'd', statement: 'D.' }
			]
		},
		{
			id: 'leren',
			title: 'Leren en verbeteren',
			chartLabel: 'Leren',
			description: 'Drie.',
			source: 'Bron',
			items: [{ id: 'e', statement: 'E.', reverse: true }]
		}
	]
};
const itemIds = questionnaire.dimensions.flatMap((d) => d.items.map((item) => item.id));

const score = (itemId: string, value: number, flagged = false): AnswerRecord => ({
	itemId,
	value,
	dontKnow: false,
	flagged
});
const dontKnow = (itemId: string, flagged = false): AnswerRecord => ({
	itemId,
	value: null,
	dontKnow: true,
	flagged
});

/** Any answer a respondent can give to one statement, or none at all. */
const answerFor = (itemId: string): fc.Arbitrary<AnswerRecord> =>
	fc.oneof(
		fc.record({
			itemId: fc.constant(itemId),
			value: fc.integer({ min: 1, max: 5 }),
			dontKnow: fc.constant(false),
			flagged: fc.boolean()
		}),
		fc.record({
			itemId: fc.constant(itemId),
			value: fc.constant(null),
			dontKnow: fc.constant(true),
			flagged: fc.boolean()
		}),
		fc.record({
			itemId: fc.constant(itemId),
			value: fc.constant(null),
			dontKnow: fc.constant(false),
			flagged: fc.boolean()
		})
	);
const responseArb: fc.Arbitrary<ResponseRecord> = fc
	.tuple(...itemIds.map((id) => fc.option(answerFor(id), { nil: undefined })))
	.map((answers) => ({ answers: answers.filter((a) => a !== undefined) }));
const responsesArb = fc.array(responseArb, { maxLength: 12 });

const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 });
const means = (stats: readonly { mean: number | null }[]) => stats.map((s) => s.mean);

describe('summarize', () => {
	it('gives null statistics and n 0 for no scores', () => {
		expect(summarize([])).toEqual({
			n: 0,
			mean: null,
			median: null,
			sd: null,
			min: null,
			max: null,
			q1: null,
			q3: null
		});
	});

	it('computes the sample standard deviation and R type 7 quartiles', () => {
		const summary = summarize([4, 1, 3, 2]);
		expect(summary).toMatchObject({ n: 4, mean: 2.5, median: 2.5, min: 1, max: 4 });
		expect(summary.q1).toBeCloseTo(1.75);
		expect(summary.q3).toBeCloseTo(3.25);
		expect(summary.sd).toBeCloseTo(Math.sqrt(5 / 3));
	});

	it('has no standard deviation for a single score', () => {
		expect(summarize([3])).toMatchObject({ n: 1, mean: 3, median: 3, sd: null, q1: 3, q3: 3 });
	});

	it('puts the mean between the lowest and highest score', () => {
		fc.assert(
			fc.property(values, (xs) => {
				const { mean, min, max } = summarize(xs);
				expect(mean).toBeGreaterThanOrEqual(min!);
				expect(mean).toBeLessThanOrEqual(max!);
			})
		);
	});

	it('puts the median between the lowest and highest score', () => {
		fc.assert(
			fc.property(values, (xs) => {
				const { median, min, max } = summarize(xs);
				expect(median).toBeGreaterThanOrEqual(min!);
				expect(median).toBeLessThanOrEqual(max!);
			})
		);
	});

	it('keeps the first quartile at or below the median and the median at or below the third', () => {
		fc.assert(
			fc.property(values, (xs) => {
				const { q1, median, q3 } = summarize(xs);
				expect(q1).toBeLessThanOrEqual(median!);
				expect(median).toBeLessThanOrEqual(q3!);
			})
		);
	});

	it('does not depend on the order of the scores', () => {
		fc.assert(
			fc.property(
				values.chain((xs) =>
					fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length }))
				),
				([xs, shuffled]) => {
					expect(summarize(shuffled)).toEqual(summarize(xs));
				}
			)
		);
	});

	it('gives a standard deviation of 0 when everyone gives the same score', () => {
		fc.assert(
			fc.property(
				fc.double({ min: -1e6, max: 1e6, noNaN: true }),
				fc.integer({ min: 2, max: 50 }),
				(x, n) => {
					expect(summarize(Array.from({ length: n }, () => x)).sd).toBe(0);
				}
			)
		);
	});
});

describe('reverse scoring', () => {
	it('gives back the original answer when reversed twice', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -5, max: 5 }),
				fc.integer({ min: 2, max: 11 }),
				fc.boolean(),
				fc.nat(),
				(start, length, reverse, pick) => {
					const scale = {
						points: Array.from({ length }, (_, i) => ({ value: start + i, label: `${i}` }))
					};
					const value = start + (pick % length);
					const item = { reverse };
					expect(scoredValue(scale, item, scoredValue(scale, item, value))).toBe(value);
				}
			)
		);
	});

	it('counts a reverse statement answered 1 on a 1-5 scale as 5', () => {
		const [, b] = itemStatistics(questionnaire, [{ answers: [score('b', 1)] }]);
		expect(b).toMatchObject({ itemId: 'b', reverse: true, mean: 5, min: 5, max: 5 });
	});

	it('mirrors reverse statements before averaging a dimension', () => {
		const [signaleren] = dimensionStatistics(questionnaire, [
			{ answers: [score('a', 4), score('b', 2)] }
		]);
		expect(signaleren.mean).toBe(4);
	});
});

describe('itemStatistics', () => {
	it('lists every statement in questionnaire order, also without answers', () => {
		const stats = itemStatistics(questionnaire, []);
		expect(stats.map((s) => [s.itemId, s.dimensionId])).toEqual([
			['a', 'signaleren'],
			['b', 'signaleren'],
			['c', 'brede-blik'],
			['d', 'brede-blik'],
			['e', 'leren']
		]);
		expect(stats[0]).toMatchObject({ n: 0, mean: null, answered: 0, dontKnowShare: 0, flags: 0 });
	});

	it('counts "weet ik niet" as answered but never as a score', () => {
		const [a] = itemStatistics(questionnaire, [
			{ answers: [score('a', 2)] },
			{ answers: [score('a', 4)] },
			{ answers: [dontKnow('a')] },
			{ answers: [dontKnow('a')] }
		]);
		expect(a).toMatchObject({ n: 2, mean: 3, dontKnow: 2, answered: 4, dontKnowShare: 0.5 });
	});

	it('counts a flag, also on a statement left without a score', () => {
		const [a] = itemStatistics(questionnaire, [
			{ answers: [score('a', 2, true)] },
			{ answers: [{ itemId: 'a', value: null, dontKnow: false, flagged: true }] }
		]);
		expect(a).toMatchObject({ flags: 2, answered: 1, n: 1 });
	});

	it('ignores answers to statements that are not in the questionnaire', () => {
		const stats = itemStatistics(questionnaire, [{ answers: [score('weg', 5, true)] }]);
		expect(stats.every((s) => s.answered === 0 && s.flags === 0)).toBe(true);
		expect(stats.map((s) => s.itemId)).not.toContain('weg');
	});
});

describe('dimensionStatistics', () => {
	it('averages per respondent first, so min and max show the spread between people', () => {
		const [, brede] = dimensionStatistics(questionnaire, [
			{ answers: [score('c', 1), score('d', 3)] },
			{ answers: [score('c', 5), score('d', 5)] },
			{ answers: [score('c', 4), dontKnow('d')] }
		]);
		expect(brede).toMatchObject({ n: 3, min: 2, max: 5, median: 4, dontKnowShare: 1 / 6 });
		expect(brede.mean).toBeCloseTo(11 / 3);
	});

	it('leaves a respondent who skipped a dimension out of that dimension', () => {
		const stats = dimensionStatistics(questionnaire, [
			{ answers: [score('a', 4), score('c', 2)] },
			{ answers: [score('a', 2)] },
			{ answers: [score('a', 3), dontKnow('c'), dontKnow('d')] }
		]);
		expect(stats.map((s) => [s.dimensionId, s.n])).toEqual([
			['signaleren', 3],
			['brede-blik', 1],
			['leren', 0]
		]);
		expect(stats[1].mean).toBe(2);
		expect(stats[2]).toMatchObject({ mean: null, sd: null, dontKnowShare: 0 });
	});

	it('sums the flags of all statements in the dimension', () => {
		const [signaleren] = dimensionStatistics(questionnaire, [
			{ answers: [score('a', 4, true), dontKnow('b', true)] },
			{ answers: [{ itemId: 'b', value: null, dontKnow: false, flagged: true }] }
		]);
		expect(signaleren.flags).toBe(3);
	});

	it('does not change any mean when someone adds "weet ik niet"', () => {
		fc.assert(
			fc.property(
				responsesArb.filter((r) => r.length > 0),
				fc.nat(),
				fc.constantFrom(...itemIds),
				fc.boolean(),
				(responses, pick, itemId, flagged) => {
					const target = pick % responses.length;
					const added = responses.map((r, i) =>
						i === target ? { answers: [...r.answers, dontKnow(itemId, flagged)] } : r
					);
					expect(means(itemStatistics(questionnaire, added))).toEqual(
						means(itemStatistics(questionnaire, responses))
					);
					expect(means(dimensionStatistics(questionnaire, added))).toEqual(
						means(dimensionStatistics(questionnaire, responses))
					);
				}
			)
		);
	});

	it('does not change any mean when someone ticks "Hier wil ik over praten"', () => {
		fc.assert(
			fc.property(
				responsesArb.filter((r) => r.some((response) => response.answers.length > 0)),
				fc.nat(),
				fc.nat(),
				(responses, pickResponse, pickAnswer) => {
					const withAnswers = responses.filter((r) => r.answers.length > 0);
					const target = withAnswers[pickResponse % withAnswers.length];
					const index = pickAnswer % target.answers.length;
					const flagged = responses.map((r) =>
						r === target
							? { answers: r.answers.map((a, i) => (i === index ? { ...a, flagged: true } : a)) }
							: r
					);
					expect(means(itemStatistics(questionnaire, flagged))).toEqual(
						means(itemStatistics(questionnaire, responses))
					);
					expect(means(dimensionStatistics(questionnaire, flagged))).toEqual(
						means(dimensionStatistics(questionnaire, responses))
					);
				}
			)
		);
	});
});

describe('meetsAnonymityRule', () => {
	const closed = (minRespondents: number) => ({ status: 'closed' as const, minRespondents });

	it('hides results with 4 respondents when the minimum is 5', () => {
		expect(meetsAnonymityRule(closed(5), 4)).toBe(false);
	});

	it('shows results with 5 respondents when the minimum is 5', () => {
		expect(meetsAnonymityRule(closed(5), 5)).toBe(true);
	});

	it('hides results while the session is still open or a draft', () => {
		expect(meetsAnonymityRule({ status: 'open', minRespondents: 3 }, 20)).toBe(false);
		expect(meetsAnonymityRule({ status: 'draft', minRespondents: 3 }, 20)).toBe(false);
	});

	it('treats a minimum of 2 as 3', () => {
		expect(meetsAnonymityRule(closed(2), 2)).toBe(false);
		expect(meetsAnonymityRule(closed(2), 3)).toBe(true);
	});

	it('never shows results of fewer than the floor, whatever the minimum', () => {
		fc.assert(
			fc.property(fc.integer({ min: -10, max: 20 }), fc.nat(30), (minimum, submitted) => {
				const shown = meetsAnonymityRule(closed(minimum), submitted);
				expect(shown).toBe(submitted >= Math.max(minimum, MIN_RESPONDENTS_FLOOR));
			})
		);
	});

	it('uses a default minimum of 5, above the floor of 3', () => {
		expect([DEFAULT_MIN_RESPONDENTS, MIN_RESPONDENTS_FLOOR]).toEqual([5, 3]);
	});
});

describe('conversationAgenda', () => {
	const item = (itemId: string, sd: number | null, flags = 0) =>
		({ ...itemStatistics(questionnaire, [])[0], itemId, sd, flags }) as ItemStatistics;

	it('puts the statements the team disagrees on most first, unknown spread last', () => {
		const items = [item('a', 0.5), item('b', null, 9), item('c', 1.2), item('d', 0.5, 2)];
		expect(conversationAgenda(items).map((i) => i.itemId)).toEqual(['c', 'd', 'a', 'b']);
	});

	it('keeps questionnaire order for full ties', () => {
		const items = [item('a', 1, 1), item('b', 1, 1), item('c', null), item('d', null)];
		expect(conversationAgenda(items).map((i) => i.itemId)).toEqual(['a', 'b', 'c', 'd']);
	});

	it('leaves its input as it was', () => {
		const items = [item('a', 0.1), item('b', 2)];
		conversationAgenda(items);
		expect(items.map((i) => i.itemId)).toEqual(['a', 'b']);
	});
});

describe('formatScore', () => {
	it('writes a decimal comma and a dash for no score', () => {
		expect(formatScore(3.84)).toBe('3,8');
		expect(formatScore(4)).toBe('4,0');
		expect(formatScore(2.345, 2)).toBe('2,35');
		expect(formatScore(null)).toBe('–');
	});

	it('never writes a minus sign before a zero', () => {
		expect(formatScore(-0.01)).toBe('0,0');
	});
});

describe('resultSummary', () => {
	const dimension = (
		title: string,
		mean: number | null,
		sd: number | null
	): DimensionStatistics => ({
		...summarize([]),
		dimensionId: title.toLowerCase().replaceAll(' ', '-'),
		title,
		chartLabel: title,
		mean,
		sd,
		n: mean === null ? 0 : 5,
		dontKnowShare: 0,
		flags: 0
	});

	it('names the strongest and weakest dimension and where the team disagrees most', () => {
		const text = resultSummary([
			dimension('Tijdig signaleren', 3.8, 0.4),
			dimension('Brede blik', 3.2, 1.1),
			dimension('Leren en verbeteren', 2.94, 0.6)
		]);
		expect(text).toBe(
			'Het team is het meest positief over Tijdig signaleren (gemiddeld 3,8) en het minst over ' +
				'Leren en verbeteren (2,9). Over Brede blik denken teamleden het meest verschillend: ' +
				'daar begint het gesprek.'
		);
	});

	it('says there are no scores yet when no dimension has data', () => {
		expect(resultSummary([])).toMatch(/nog geen scores/);
		expect(resultSummary([dimension('Brede blik', null, null)])).toMatch(/nog geen scores/);
	});

	it('does not name a strongest dimension when all means are equal', () => {
		const text = resultSummary([dimension('Een', 3.5, 0.5), dimension('Twee', 3.5, 0.9)]);
		expect(text).toContain('ongeveer dezelfde score (gemiddeld 3,5)');
		expect(text).not.toContain('het meest positief');
		expect(text).toContain('Over Twee denken teamleden het meest verschillend');
	});

	it('describes a single dimension without comparing it', () => {
		const text = resultSummary([dimension('Brede blik', 4.16, 0.8)]);
		expect(text).toContain('Brede blik (gemiddeld 4,2)');
		expect(text).not.toContain('het minst');
		expect(text).toContain('daar begint het gesprek');
	});

	it('says when there are too few answers to see differences', () => {
		const text = resultSummary([dimension('Een', 4, null), dimension('Twee', 2, null)]);
		expect(text).toContain('te weinig antwoorden');
	});

	it('skips dimensions without data when comparing', () => {
		const text = resultSummary([
			dimension('Een', null, null),
			dimension('Twee', 4.5, 0.3),
			dimension('Drie', 2.5, 0.2)
		]);
		expect(text).toContain('meest positief over Twee (gemiddeld 4,5) en het minst over Drie (2,5)');
		expect(text).not.toContain('Een');
	});
});
