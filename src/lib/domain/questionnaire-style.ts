/**
 * House rules for the text of questionnaires from version 2 on (issue 12): statements a team can
 * agree or disagree with, short enough to read on a phone, and colleagues addressed with je/jullie.
 */
import type { Questionnaire } from './questionnaire';

export const MAX_STATEMENT_WORDS = 15;

/** The first version whose text must follow these rules; version 1 stays as it was published. */
export const STYLE_RULES_FROM_VERSION = 2;

/** Words as a reader counts them: separated by white space. */
export function wordCount(text: string): number {
	const words = text.trim().split(/\s+/);
	return words[0] === '' ? 0 : words.length;
}

// A letter on neither side, so "u" in "uur" or "Thuis" never counts; \b only knows ASCII.
const word = (pattern: string) => new RegExp(`(?<!\\p{L})(?:${pattern})(?!\\p{L})`, 'giu');

const NUMBER = '(?:\\d+|een|één|twee|drie|vier|vijf|zes|tien)';
const PERIOD = '(?:dag|dagen|week|weken|maand|maanden|kwartaal|jaar)';

/**
 * A norm no source gives turns an agree statement into a yes/no fact: absolute words and fixed
 * frequencies or deadlines. The team sets its own norm in the conversation instead. One pattern,
 * phrases before single words, so "elke maand" is reported whole, not as "elke".
 */
const NORMS = word(
	[
		`binnen\\s+(?:een\\s+paar|${NUMBER})\\s+${PERIOD}`,
		`${NUMBER}\\s+keer\\s+(?:per|in\\s+de|in\\s+het)\\s+${PERIOD}`,
		`(?:per|elk|elke|ieder|iedere)\\s+${PERIOD}`,
		'dagelijks|wekelijks|tweewekelijks|maandelijks|jaarlijks|regelmatig',
		'altijd|nooit|elk|elke|ieder|iedere'
	].join('|')
);

/** The words in a statement that set a norm or a frequency; empty when there are none. */
export function normsIn(statement: string): string[] {
	return [...statement.matchAll(NORMS)].map((m) => m[0]);
}

const FORMAL = word('u|uw');

/** Whether a text addresses its reader with "u" or "uw" instead of je/jullie. */
export function addressesFormally(text: string): boolean {
	return new RegExp(FORMAL.source, 'iu').test(text);
}

/** Every text a team member or facilitator reads, with its path in the file. */
export function teamFacingTexts(q: Questionnaire): { path: string; text: string }[] {
	const texts = [{ path: 'introduction', text: q.introduction }];
	q.dimensions.forEach((d, i) => {
		const at = `dimensions[${i}]`;
		texts.push({ path: `${at}.description`, text: d.description });
		if (d.guide) {
			texts.push({ path: `${at}.guide.why`, text: d.guide.why });
			d.guide.questions.forEach((text, j) =>
				texts.push({ path: `${at}.guide.questions[${j}]`, text })
			);
			d.guide.exampleActions.forEach((text, j) =>
				texts.push({ path: `${at}.guide.exampleActions[${j}]`, text })
			);
		}
		d.items.forEach((item, j) => {
			texts.push({ path: `${at}.items[${j}].statement`, text: item.statement });
			if (item.help) texts.push({ path: `${at}.items[${j}].help`, text: item.help });
		});
	});
	return texts;
}

export interface StyleProblem {
	path: string;
	/** the item id, where the problem is in a statement */
	itemId?: string;
	message: string;
}

/**
 * Everything in a questionnaire that breaks the house rules. `longAllowed` holds the ids of
 * statements that may be longer than MAX_STATEMENT_WORDS (each with a reason, kept by the caller).
 */
export function styleProblems(
	q: Questionnaire,
	longAllowed: ReadonlySet<string> = new Set()
): StyleProblem[] {
	const problems: StyleProblem[] = [];
	q.dimensions.forEach((d, i) =>
		d.items.forEach((item, j) => {
			const path = `dimensions[${i}].items[${j}].statement`;
			const words = wordCount(item.statement);
			if (words > MAX_STATEMENT_WORDS && !longAllowed.has(item.id)) {
				problems.push({
					path,
					itemId: item.id,
					message: `${words} woorden; hoogstens ${MAX_STATEMENT_WORDS}`
				});
			}
			for (const norm of normsIn(item.statement)) {
				problems.push({
					path,
					itemId: item.id,
					message: `"${norm}" legt een norm op die de bronnen niet geven`
				});
			}
		})
	);
	for (const { path, text } of teamFacingTexts(q)) {
		if (addressesFormally(text)) {
			problems.push({ path, message: 'spreekt de lezer aan met u of uw; gebruik je of jullie' });
		}
	}
	return problems;
}
