import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePage, answerField } from './answers';
import { shownTaskRow } from './anonymity';
import { parseQuestionnaire, QuestionnaireError, type Questionnaire } from './questionnaire';
import {
	ASSIGNMENT_VALUES,
	assignmentCounts,
	assignmentField,
	assignmentGap,
	gapSentence,
	taskFinding,
	taskProfileSummary,
	type AssignmentValue
} from './task-assignment';
import { taskProfile } from './task-profile';

const guide = {
	why: 'Waarom.',
	source: 'Bron',
	questions: ['Vraag een?', 'Vraag twee?'],
	exampleActions: ['Actie een.', 'Actie twee.']
};

const questionnaire: Questionnaire = {
	id: 'taken',
	version: 2,
	title: 'Taken',
	introduction: 'Taken.',
	sources: ['Bron'],
	scale: {
		points: [
			{ value: 1, label: 'Doen we niet' },
			{ value: 2, label: 'Doen we deels' },
			{ value: 3, label: 'Doen we volledig' }
		],
		dontKnow: 'Weet ik niet'
	},
	assignment: true,
	dimensions: [
		{
			id: 'hulp',
			title: 'Hulp',
			chartLabel: 'Hulp',
			description: 'Hulp.',
			source: 'Bron',
			guide,
			items: [
				{
					id: 'a',
					statement: 'Lichte hulp geven.',
					reference: { percentage: 79.6, source: 'Peiling' }
				},
				{ id: 'b', statement: 'Besluiten over toegang.' }
			]
		}
	]
};

const person = (practice: number | null, assignment: AssignmentValue | null, item = 'a') => ({
	answers:
		practice === null ? [] : [{ itemId: item, value: practice, dontKnow: false, flagged: false }],
	assignment: assignment === null ? [] : [{ itemId: item, answer: assignment }]
});

describe('assignmentCounts', () => {
	it('counts ja, nee and weet ik niet per task, one answer per person', () => {
		const counts = assignmentCounts(questionnaire, [
			person(3, 'ja'),
			person(1, 'nee'),
			person(2, 'weet-niet'),
			{
				answers: [],
				assignment: [
					{ itemId: 'a', answer: 'ja' },
					{ itemId: 'a', answer: 'nee' }
				]
			},
			// Not a task of this questionnaire, and not one of the three answers: left out.
			{ answers: [], assignment: [{ itemId: 'x', answer: 'ja' }] },
			{ answers: [], assignment: [{ itemId: 'b', answer: 'misschien' as AssignmentValue }] }
		]);
		expect(counts.get('a')).toEqual({ ja: 2, nee: 1, weetNiet: 1 });
		expect(counts.get('b')).toEqual({ ja: 0, nee: 0, weetNiet: 0 });
		expect(counts.has('x')).toBe(false);
	});

	it('is empty for a questionnaire that does not ask it', () => {
		expect(
			assignmentCounts({ ...questionnaire, assignment: undefined }, [person(3, 'ja')]).size
		).toBe(0);
	});
});

describe('taskProfile of a v2 questionnaire', () => {
	it('lists every task, also one without a national figure, with its assignment answers', () => {
		const rows = taskProfile(questionnaire, [person(3, 'ja'), person(1, 'ja'), person(2, 'nee')]);
		expect(rows.map((r) => r.itemId)).toEqual(['a', 'b']);
		expect(rows[0]).toMatchObject({
			counts: [1, 1, 1],
			doneShare: 2 / 3,
			assignment: { ja: 2, nee: 1, weetNiet: 0 }
		});
		expect(rows[1].reference).toBeNull();
	});
});

describe('the gap between assignment and practice', () => {
	it('says both shares in words and points at a large gap', () => {
		expect(assignmentGap(0.8, 0.4)).toBe(40);
		expect(gapSentence(0.8, 0.4)).toBe(
			'Hoort bij de opdracht volgens 80%, doen we (deels) volgens 40%. Op papier meer dan in de praktijk: een punt voor het gesprek.'
		);
		expect(gapSentence(0.5, 0.6)).toBe(
			'Hoort bij de opdracht volgens 50%, doen we (deels) volgens 60%.'
		);
		expect(gapSentence(null, 0.6)).toBe('');
	});

	it('keeps the gap within -100 and 100 points and zero for equal shares', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 0, max: 1, noNaN: true }),
				fc.double({ min: 0, max: 1, noNaN: true }),
				(a, d) => {
					const gap = assignmentGap(a, d)!;
					expect(Math.abs(gap)).toBeLessThanOrEqual(100);
					expect(assignmentGap(a, a)).toBe(0);
				}
			)
		);
	});

	it('never calls a task profile better, best or most positive', () => {
		const row = (statement: string, ja: number, nee: number, doneShare: number | null) => ({
			statement,
			assignment: { ja, nee, weetNiet: 0 },
			doneShare,
			suppressed: doneShare === null
		});
		const summary = taskProfileSummary([
			row('Vroeg signaleren.', 5, 0, 0.2),
			row('Zelf tweedelijnszorg geven.', 0, 5, 0.8),
			row('Trainingen geven.', 3, 2, null)
		]);
		expect(summary).toContain(
			'bij de opdracht hoort dan dat jullie hem doen bij: vroeg signaleren'
		);
		expect(summary).toContain('dan dat hij bij de opdracht hoort bij: zelf tweedelijnszorg geven');
		expect(summary).toContain('1 taak staat er niet bij');
		expect(summary).not.toMatch(/positief|hoogst|beste|beter/i);
	});
});

describe('the summary of many gaps', () => {
	it('names the three largest gaps first and counts the rest', () => {
		const rows = [10, 50, 30, 90, 70].map((gap, i) => ({
			statement: `Taak ${i + 1}.`,
			assignment: { ja: 100, nee: 0, weetNiet: 0 },
			doneShare: (100 - gap) / 100,
			suppressed: false
		}));
		expect(taskProfileSummary(rows)).toBe(
			'Meer teamleden zeggen dat de taak bij de opdracht hoort dan dat jullie hem doen bij: taak 4; taak 5; taak 2 en 1 andere taak.'
		);
	});
});

describe('the gate on a task row', () => {
	const row = (practice: number[], assignment: [number, number, number] | null) =>
		({
			itemId: 'a',
			statement: 'Lichte hulp geven.',
			counts: practice,
			doneShare: 0.5,
			reference: null,
			assignment: assignment && { ja: assignment[0], nee: assignment[1], weetNiet: assignment[2] }
		}) as const;

	it('hides the whole task when fewer than the minimum answered the assignment question', () => {
		const shown = shownTaskRow(row([2, 2, 2], [2, 1, 1]), 5);
		expect(shown).toMatchObject({
			suppressed: true,
			counts: null,
			doneShare: null,
			assignment: null
		});
	});

	it('hides the whole task when fewer than the minimum scored the practice', () => {
		const shown = shownTaskRow(row([1, 1, 2], [3, 2, 1]), 5);
		expect(shown).toMatchObject({ suppressed: true, counts: null, assignment: null });
	});

	it('never shows a figure of fewer people than the minimum', () => {
		const counts = fc.array(fc.nat({ max: 6 }), { minLength: 3, maxLength: 3 });
		fc.assert(
			fc.property(counts, counts, fc.integer({ min: 3, max: 8 }), (p, a, minimum) => {
				const shown = shownTaskRow(row(p, [a[0], a[1], a[2]]), minimum);
				if (shown.counts) {
					expect(shown.counts.reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(minimum);
				}
				if (shown.assignment) {
					const { ja, nee, weetNiet } = shown.assignment;
					expect(ja + nee + weetNiet).toBeGreaterThanOrEqual(minimum);
					expect(shown.counts).not.toBeNull();
				}
				expect(shown.suppressed).toBe(shown.counts === null);
				const finding = taskFinding(shown);
				if (shown.suppressed) expect(finding.gap).toBeNull();
			})
		);
	});

	it('keeps v1 rows, stored without an assignment field, as they were', () => {
		const old: Record<string, unknown> = { ...row([2, 2, 2], null) };
		delete old.assignment;
		const shown = shownTaskRow(old as unknown as Parameters<typeof shownTaskRow>[0], 5);
		expect(shown).toMatchObject({
			suppressed: false,
			counts: [2, 2, 2],
			assignment: null,
			asked: false
		});
	});
});

describe('the respondent page of a v2 questionnaire', () => {
	const dimension = questionnaire.dimensions[0];
	const form = (fields: Record<string, string>) => {
		const data = new FormData();
		for (const [k, v] of Object.entries(fields)) data.append(k, v);
		return data;
	};

	it('reads ja, nee, weet ik niet or no answer per task', () => {
		for (const value of ASSIGNMENT_VALUES) {
			const result = parsePage(questionnaire, dimension, form({ [assignmentField('a')]: value }));
			expect(result.ok && result.input.assignment).toEqual([
				{ itemId: 'a', answer: value },
				{ itemId: 'b', answer: null }
			]);
		}
	});

	it('refuses another answer with a Dutch message, and the field on a questionnaire without it', () => {
		const refused = parsePage(
			questionnaire,
			dimension,
			form({ [assignmentField('a')]: 'misschien', [answerField('a')]: '2' })
		);
		expect(refused.ok).toBe(false);
		if (!refused.ok)
			expect(refused.errors[assignmentField('a')]).toMatch(/ja, nee of weet ik niet/);
		const v1 = { ...questionnaire, assignment: undefined };
		const other = parsePage(v1, v1.dimensions[0], form({ [assignmentField('a')]: 'ja' }));
		expect(other.ok).toBe(false);
	});
});

describe('the schema of assignment', () => {
	const problems = (data: unknown) => {
		try {
			parseQuestionnaire(data, 'taken-v2.yaml');
			return [];
		} catch (error) {
			return (error as QuestionnaireError).problems;
		}
	};

	it('accepts it on a task list with national figures', () => {
		expect(problems(questionnaire)).toEqual([]);
	});

	it('refuses it together with gewenst, and on a list without any national figure', () => {
		expect(problems({ ...questionnaire, gewenst: true })).toEqual([
			expect.objectContaining({ path: 'assignment', message: expect.stringMatching(/gewenst/) })
		]);
		const withoutReference = {
			...questionnaire,
			dimensions: [{ ...dimension(), items: [{ id: 'b', statement: 'Toegang.' }] }]
		};
		expect(problems(withoutReference)).toEqual([
			expect.objectContaining({
				path: 'assignment',
				message: expect.stringMatching(/takenprofiel/)
			})
		]);
		expect(problems({ ...questionnaire, assignment: 'ja' })).toEqual([
			expect.objectContaining({ path: 'assignment' })
		]);
	});

	const dimension = () => questionnaire.dimensions[0];
});
