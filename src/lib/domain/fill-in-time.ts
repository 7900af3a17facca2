import type { Questionnaire } from './questionnaire';

/** About what a team member needs to read a short statement and tap an answer on a phone. */
export const SECONDS_PER_STATEMENT = 7;

/**
 * The "gewenst" question asks to look a year ahead over a whole page of statements: a little more
 * thought than one statement, though it is the same question on every page.
 */
export const SECONDS_PER_DESIRED = 10;

/**
 * Takenprofiel v2 asks per task also "hoort dit bij de opdracht?": the task is already read, and
 * ja/nee/weet ik niet is a quick choice, so it costs less than a new statement.
 */
export const SECONDS_PER_ASSIGNMENT = 4;

type Shape = Pick<Questionnaire, 'dimensions'> &
	Partial<Pick<Questionnaire, 'gewenst' | 'assignment'>>;

/** The number of statements in a questionnaire. */
export function statementCount(questionnaire: Pick<Questionnaire, 'dimensions'>): number {
	return questionnaire.dimensions.reduce((n, d) => n + d.items.length, 0);
}

/** The number of "gewenst" answers: one per dimension when the questionnaire asks them. */
export function desiredCount(questionnaire: Shape): number {
	return questionnaire.gewenst ? questionnaire.dimensions.length : 0;
}

/** The number of "hoort dit bij de opdracht?" answers: one per task when asked. */
export function assignmentCount(questionnaire: Shape): number {
	return questionnaire.assignment ? statementCount(questionnaire) : 0;
}

/** The fill-in time in seconds: the statements plus, where asked, the second questions. */
export function fillInSeconds(questionnaire: Shape): number {
	return (
		statementCount(questionnaire) * SECONDS_PER_STATEMENT +
		desiredCount(questionnaire) * SECONDS_PER_DESIRED +
		assignmentCount(questionnaire) * SECONDS_PER_ASSIGNMENT
	);
}

/** The fill-in time shown on the start page, in whole minutes, rounded up. */
export function fillInMinutes(questionnaire: Shape): number {
	return Math.max(1, Math.ceil(fillInSeconds(questionnaire) / 60));
}
