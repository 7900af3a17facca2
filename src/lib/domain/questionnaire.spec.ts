import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	formatPath,
	parseQuestionnaire,
	QuestionnaireError,
	scoredValue,
	type Guide,
	type Questionnaire
} from './questionnaire';

function valid(): Questionnaire {
	return {
		id: 'proef',
		version: 1,
		title: 'Proefvragenlijst',
		introduction: 'Een korte vragenlijst om mee te testen.',
		sources: ['Auteur, A. (2020). Titel. Uitgever.'],
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
				id: 'eerste',
				title: 'Eerste dimensie',
				chartLabel: 'Eerste',
				description: 'Over het eerste.',
				source: 'Auteur (2020)',
				items: [
					{ id: 'e-1', statement: 'We doen het eerste.' },
					{ id: 'e-2', statement: 'We doen het tweede.', reverse: true }
				]
			},
			{
				id: 'tweede',
				title: 'Tweede dimensie',
				chartLabel: 'Tweede',
				description: 'Over het tweede.',
				source: 'Auteur (2020)',
				items: [{ id: 't-1', statement: 'We doen het derde.', help: 'Uitleg.' }]
			}
		]
	};
}

function guide(): Guide {
	return {
		why: 'Dit doet ertoe. De bron zegt waarom.',
		source: 'Auteur (2020), paragraaf 1',
		questions: ['Wat zien jullie?', 'Wat willen jullie?'],
		exampleActions: ['Samen iets afspreken.', 'Iets uitproberen.']
	};
}

/** The valid questionnaire as a version 2, where every dimension needs a guide. */
function withGuides(): Questionnaire {
	const q = valid();
	return { ...q, version: 2, dimensions: q.dimensions.map((d) => ({ ...d, guide: guide() })) };
}

/** The problems reported for a questionnaire changed by `mutate`. */
function problems(mutate: (q: Record<string, any>) => void) {
	const q = structuredClone(valid()) as Record<string, any>;
	mutate(q);
	try {
		parseQuestionnaire(q, 'proef-v1.yaml');
	} catch (error) {
		expect(error).toBeInstanceOf(QuestionnaireError);
		return (error as QuestionnaireError).problems;
	}
	throw new Error('expected the questionnaire to be rejected');
}

describe('parseQuestionnaire', () => {
	it('accepts a well-formed questionnaire and keeps its content', () => {
		expect(parseQuestionnaire(valid(), 'proef-v1.yaml')).toEqual(valid());
	});

	it.each([
		[
			'a duplicate item id',
			(q: any) => (q.dimensions[1].items[0].id = 'e-1'),
			'dimensions[1].items[0].id'
		],
		['a duplicate dimension id', (q: any) => (q.dimensions[1].id = 'eerste'), 'dimensions[1].id'],
		['an unknown key', (q: any) => (q.dimensions[0].items[1].weight = 2), 'dimensions[0].items[1]'],
		['an empty dimension', (q: any) => (q.dimensions[1].items = []), 'dimensions[1].items'],
		[
			'a chart label over 24 characters',
			(q: any) => (q.dimensions[0].chartLabel = 'Een veel te lang label voor de as'),
			'dimensions[0].chartLabel'
		],
		[
			'a scale with one point',
			(q: any) => (q.scale.points = [{ value: 1, label: 'Ja' }]),
			'scale.points'
		],
		['a scale with a gap', (q: any) => (q.scale.points[2].value = 5), 'scale.points[2].value'],
		['a missing title', (q: any) => delete q.title, 'title'],
		['a version that is not a whole number', (q: any) => (q.version = 1.5), 'version'],
		['a negative version', (q: any) => (q.version = 0), 'version'],
		['an id with capitals', (q: any) => (q.id = 'Proef Lijst'), 'id'],
		[
			'an empty statement',
			(q: any) => (q.dimensions[0].items[0].statement = '   '),
			'dimensions[0].items[0].statement'
		],
		[
			'reverse that is not true or false',
			(q: any) => (q.dimensions[0].items[0].reverse = 'ja'),
			'dimensions[0].items[0].reverse'
		],
		['no sources', (q: any) => (q.sources = []), 'sources'],
		[
			'a reference percentage over 100',
			(q: any) => (q.dimensions[0].items[0].reference = { percentage: 120, source: 'x' }),
			'dimensions[0].items[0].reference.percentage'
		],
		[
			'a file that is not a mapping',
			(q: any) => {
				for (const k of Object.keys(q)) delete q[k];
				q.dimensions = 'geen lijst';
			},
			'dimensions'
		]
	])('rejects %s and names the path', (_kind, mutate, path) => {
		const found = problems(mutate);
		expect(found.map((p) => p.path)).toContain(path);
		for (const problem of found) expect(problem.message.length).toBeGreaterThan(3);
	});

	it('accepts a version 1 dimension without a guide', () => {
		expect(parseQuestionnaire(valid(), 'proef-v1.yaml').dimensions[0].guide).toBeUndefined();
	});

	it('accepts a version 2 questionnaire whose dimensions all carry a guide', () => {
		expect(parseQuestionnaire(withGuides(), 'proef-v2.yaml').dimensions[1].guide).toEqual(guide());
	});

	it.each([
		['a missing guide', (q: any) => delete q.dimensions[1].guide, 'dimensions[1].guide'],
		[
			'a guide without a why',
			(q: any) => delete q.dimensions[0].guide.why,
			'dimensions[0].guide.why'
		],
		[
			'a guide with one question',
			(q: any) => (q.dimensions[0].guide.questions = ['Wat zien jullie?']),
			'dimensions[0].guide.questions'
		],
		[
			'a guide with five questions',
			(q: any) => (q.dimensions[0].guide.questions = ['a', 'b', 'c', 'd', 'e']),
			'dimensions[0].guide.questions'
		],
		[
			'a guide with four example actions',
			(q: any) => (q.dimensions[1].guide.exampleActions = ['a', 'b', 'c', 'd']),
			'dimensions[1].guide.exampleActions'
		],
		[
			'an empty question',
			(q: any) => (q.dimensions[0].guide.questions[1] = ' '),
			'dimensions[0].guide.questions[1]'
		],
		[
			'an unknown key in a guide',
			(q: any) => (q.dimensions[0].guide.tips = ['x']),
			'dimensions[0].guide'
		]
	])('rejects, from version 2 on, %s and names the path', (_kind, mutate, path) => {
		const q = withGuides() as Record<string, any>;
		mutate(q);
		let problems: { path: string; message: string }[] = [];
		try {
			parseQuestionnaire(q, 'proef-v2.yaml');
		} catch (error) {
			expect(error).toBeInstanceOf(QuestionnaireError);
			problems = (error as QuestionnaireError).problems;
		}
		expect(problems.map((p) => p.path)).toContain(path);
		for (const problem of problems) expect(problem.message.length).toBeGreaterThan(3);
	});

	it('says why a guide is missing', () => {
		const q = withGuides() as Record<string, any>;
		delete q.dimensions[0].guide;
		expect(() => parseQuestionnaire(q, 'proef-v2.yaml')).toThrow(
			/proef-v2\.yaml[\s\S]*dimensions\[0\]\.guide: ontbreekt: vanaf versie 2/
		);
	});

	it('names the file in the message', () => {
		expect(() => parseQuestionnaire({ id: 'x' }, 'kapot-v1.yaml')).toThrow(/kapot-v1\.yaml/);
	});

	it('writes its messages in Dutch', () => {
		const found = problems((q) => delete q.title);
		expect(found[0].message).toMatch(/ontbreekt/);
	});
});

describe('formatPath', () => {
	it('writes paths as they read in the file', () => {
		expect(formatPath(['dimensions', 2, 'items', 0, 'id'])).toBe('dimensions[2].items[0].id');
		expect(formatPath([])).toBe('(hele bestand)');
	});
});

describe('scoredValue', () => {
	const scale = valid().scale;

	it('mirrors a reverse-scored answer around the middle of the scale', () => {
		expect(scoredValue(scale, { reverse: true }, 1)).toBe(3);
		expect(scoredValue(scale, { reverse: true }, 2)).toBe(2);
		expect(scoredValue(scale, { reverse: false }, 1)).toBe(1);
	});

	it('gives back the original answer when reversed twice', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 3 }), (value) => {
				const once = scoredValue(scale, { reverse: true }, value);
				expect(scoredValue(scale, { reverse: true }, once)).toBe(value);
			})
		);
	});
});
