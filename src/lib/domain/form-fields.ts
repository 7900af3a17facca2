/**
 * The questionnaire form's field names and their fixed values. A module of its own without zod,
 * so the questionnaire page's script can use them without loading the validation schemas
 * (answers.ts, questionnaire.ts), which only the server needs.
 */
export const COMMENT_MAX = 1000;
export const DONT_KNOW = 'weet-niet';

/** Form field names of one statement and one dimension; stable, so tests and scripts can use them. */
export const answerField = (itemId: string) => `antwoord-${itemId}`;
export const flagField = (itemId: string) => `praten-${itemId}`;
export const commentField = (dimensionId: string) => `opmerking-${dimensionId}`;
/** The dimension's "gewenst" answer. */
export const desiredField = (dimensionId: string) => `gewenst-${dimensionId}`;
