import type { ParamMatcher } from '@sveltejs/kit';

/** Questionnaire pages are numbered 1, 2, ...; anything else is not a page. */
export const match: ParamMatcher = (param) => /^[1-9][0-9]?$/.test(param);
