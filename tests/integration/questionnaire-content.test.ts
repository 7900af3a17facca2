import { describe, expect, it } from 'vitest';
import { fillInMinutes } from '$lib/domain/fill-in-time';
import {
	MAX_STATEMENT_WORDS,
	STYLE_RULES_FROM_VERSION,
	styleProblems,
	wordCount
} from '$lib/domain/questionnaire-style';
import { loadQuestionnaireDir } from '$lib/server/questionnaires';
import { QUESTIONNAIRES_DIR } from './helpers';

/**
 * Statements allowed to be longer than MAX_STATEMENT_WORDS, as `file: { itemId: reason }`.
 * Add one only with a reason a reviewer can check; a listed statement that is short again fails.
 */
const LONG_STATEMENTS: Record<string, Record<string, string>> = {};

/** The longest a team member should need for one questionnaire (DOMAIN.md: 10 to 15 minutes). */
const MAX_MINUTES = 15;

const checked = loadQuestionnaireDir(QUESTIONNAIRES_DIR).filter(
	(l) => l.questionnaire.version >= STYLE_RULES_FROM_VERSION
);

describe('the text of every questionnaire from version 2 on', () => {
	it('covers the version 2 files', () => {
		expect(checked.map((l) => l.file)).toEqual(
			expect.arrayContaining(['basisfuncties-v2.yaml', 'stevig-lokaal-team-v2.yaml'])
		);
	});

	it.each(checked.map((l) => [l.file, l] as const))(
		'%s: statements of at most 15 words, without norms, and je/jullie everywhere',
		(file, { questionnaire }) => {
			const allowed = new Set(Object.keys(LONG_STATEMENTS[file] ?? {}));
			const problems = styleProblems(questionnaire, allowed).map(
				(p) => `${file} ${p.path}${p.itemId ? ` (${p.itemId})` : ''}: ${p.message}`
			);
			expect(problems).toEqual([]);
		}
	);

	it.each(checked.map((l) => [l.file, l] as const))(
		'%s: can be filled in within 15 minutes',
		(_file, { questionnaire }) => {
			expect(fillInMinutes(questionnaire)).toBeLessThanOrEqual(MAX_MINUTES);
		}
	);

	it('lists only exceptions that are still needed, each with a reason', () => {
		const files = checked.map((l) => l.file);
		expect(Object.keys(LONG_STATEMENTS).filter((file) => !files.includes(file))).toEqual([]);
		for (const [file, exceptions] of Object.entries(LONG_STATEMENTS)) {
			const questionnaire = checked.find((l) => l.file === file)!.questionnaire;
			const items = new Map(
				questionnaire.dimensions.flatMap((d) => d.items).map((i) => [i.id, i.statement])
			);
			for (const [id, reason] of Object.entries(exceptions)) {
				expect(reason.trim().length, `${file} ${id}: give a reason`).toBeGreaterThan(10);
				expect(wordCount(items.get(id) ?? ''), `${file} ${id}`).toBeGreaterThan(
					MAX_STATEMENT_WORDS
				);
			}
		}
	});
});

describe('the same rules applied to version 1', () => {
	const v1 = loadQuestionnaireDir(QUESTIONNAIRES_DIR).filter((l) => l.questionnaire.version === 1);
	const problemsOf = (file: string) =>
		styleProblems(v1.find((l) => l.file === file)!.questionnaire).map(
			(p) => `${p.itemId ?? p.path}: ${p.message}`
		);

	it('find the findings of issue 12, so the test can fail', () => {
		expect(problemsOf('basisfuncties-v1.yaml')).toEqual(
			expect.arrayContaining([
				'introduction: spreekt de lezer aan met u of uw; gebruik je of jullie',
				'vl-2: 17 woorden; hoogstens 15',
				'vl-6: "altijd" legt een norm op die de bronnen niet geven',
				'ts-3: "binnen een week" legt een norm op die de bronnen niet geven',
				'lv-1: "elke maand" legt een norm op die de bronnen niet geven'
			])
		);
		expect(problemsOf('stevig-lokaal-team-v1.yaml')).toEqual(
			expect.arrayContaining([
				'mp-3: "twee keer per jaar" legt een norm op die de bronnen niet geven',
				'tr-1: "elke" legt een norm op die de bronnen niet geven',
				'sp-1: 17 woorden; hoogstens 15'
			])
		);
	});
});
