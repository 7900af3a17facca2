import type { Questionnaire } from './questionnaire';

/** About what a team member needs to read a short statement and tap an answer on a phone. */
export const SECONDS_PER_STATEMENT = 7;

/** The number of statements in a questionnaire. */
export function statementCount(questionnaire: Pick<Questionnaire, 'dimensions'>): number {
	return questionnaire.dimensions.reduce((n, d) => n + d.items.length, 0);
}

/** The fill-in time shown on the start page: about 7 seconds a statement, in whole minutes, up. */
export function fillInMinutes(questionnaire: Pick<Questionnaire, 'dimensions'>): number {
	return Math.max(1, Math.ceil((statementCount(questionnaire) * SECONDS_PER_STATEMENT) / 60));
}
