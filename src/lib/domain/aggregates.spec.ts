import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregateSession, itemScores } from './aggregates';
import type { Questionnaire } from './questionnaire';
import { dimensionStatistics, itemStatistics, type ResponseRecord } from './scoring';
import { taskProfile } from './task-profile';

const questionnaire: Questionnaire = {
	id: 'proef',
	version: 1,
	title: 'Proef',
	introduction: 'Proef.',
	sources: ['Bron'],
	scale: {
		points: [1, 2, 3, 4].map((value) => ({ value, label: `Punt ${value}` })),
		dontKnow: 'Weet ik niet'
	},
	dimensions: [
		{
			id: 'taken',
			title: 'Taken',
			chartLabel: 'Taken',
			description: 'Een.',
			source: 'Bron',
			items: [
				{ id: 'a', statement: 'A.', reference: { percentage: 61, source: 'Bron' } },
				{ id: 'b', statement: 'B.', reverse: true }
			]
		},
		{
			id: 'leren',
			title: 'Leren',
			chartLabel: 'Leren',
			description: 'Twee.',
			source: 'Bron',
			items: [{ id: 'c', statement: 'C.' }]
		}
	]
};

const response: fc.Arbitrary<ResponseRecord> = fc.record({
	answers: fc.subarray(['a', 'b', 'c']).chain((ids) =>
		fc.tuple(
			...ids.map((itemId) =>
				fc.record({
					itemId: fc.constant(itemId),
					value: fc.option(fc.integer({ min: 1, max: 4 })),
					dontKnow: fc.boolean(),
					flagged: fc.boolean()
				})
			)
		)
	)
}) as fc.Arbitrary<ResponseRecord>;

describe('aggregateSession', () => {
	it('holds the same figures as computing them on the spot', () => {
		const responses: ResponseRecord[] = [
			{ answers: [{ itemId: 'a', value: 3, dontKnow: false, flagged: true }] },
			{ answers: [{ itemId: 'a', value: 1, dontKnow: false, flagged: false }] }
		];
		const items = itemStatistics(questionnaire, responses);
		expect(aggregateSession(questionnaire, responses)).toEqual({
			dimensions: dimensionStatistics(questionnaire, responses),
			items,
			taskProfile: taskProfile(questionnaire, responses),
			itemScores: items.map((i) => [i.dimensionId, i.n, i.mean, i.sd])
		});
		expect(itemScores(items)[0]).toEqual(['taken', 2, 2, Math.sqrt(2)]);
	});

	it('survives storage as JSON without losing a single digit, for any responses', () => {
		fc.assert(
			fc.property(fc.array(response, { maxLength: 40 }), (responses) => {
				const figures = aggregateSession(questionnaire, responses);
				expect(JSON.parse(JSON.stringify(figures))).toStrictEqual(figures);
			})
		);
	});
});
