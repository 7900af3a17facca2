import { z } from 'zod';

/**
 * Looking back at last round's verbeteracties: was each done, and did it help? Recorded at the
 * team's next session, shown there, on the beamer and over the rounds in the comparisons.
 */

export const FOLLOW_UP_DONE_LABELS = { gedaan: 'Gedaan', deels: 'Deels', niet: 'Niet' } as const;
export const FOLLOW_UP_HELPED_LABELS = {
	ja: 'Ja',
	nee: 'Nee',
	'weet-nog-niet': 'Weet nog niet'
} as const;

export type FollowUpDone = keyof typeof FOLLOW_UP_DONE_LABELS;
export type FollowUpHelped = keyof typeof FOLLOW_UP_HELPED_LABELS;

export interface FollowUp {
	done: FollowUpDone;
	helped: FollowUpHelped;
}

export const FollowUpSchema = z.strictObject({
	actionId: z.coerce.number().int().positive(),
	done: z.enum(['gedaan', 'deels', 'niet'], { error: 'Kies of de actie gedaan is.' }),
	helped: z.enum(['ja', 'nee', 'weet-nog-niet'], { error: 'Kies of de actie geholpen heeft.' })
});

/** One follow-up in words, the same on screen, on paper and in the comparisons. */
export function followUpText(followUp: FollowUp | null | undefined): string {
	if (!followUp) return 'Nog niet besproken';
	return `${FOLLOW_UP_DONE_LABELS[followUp.done]}; geholpen: ${FOLLOW_UP_HELPED_LABELS[followUp.helped].toLowerCase()}`;
}

/** A round's follow-up in one sentence: how many actions were done, partly done, not done. */
export function followUpSummary(followUps: readonly (FollowUp | null | undefined)[]): string {
	const total = followUps.length;
	if (total === 0) return 'De vorige ronde had geen verbeteracties.';
	const count = (done: FollowUpDone) => followUps.filter((f) => f?.done === done).length;
	const helped = followUps.filter((f) => f?.helped === 'ja').length;
	const open = followUps.filter((f) => !f).length;
	const of = `Van de ${total === 1 ? 'ene verbeteractie' : `${total} verbeteracties`}`;
	if (open === total) return `${of} is er nog geen besproken.`;
	const parts = [
		`${count('gedaan')} gedaan`,
		`${count('deels')} deels`,
		`${count('niet')} niet`,
		...(open > 0 ? [`${open} nog niet besproken`] : [])
	];
	const list = `${parts.slice(0, -1).join(', ')} en ${parts.at(-1)}`;
	return `${of}: ${list}. ${helped} ${helped === 1 ? 'heeft' : 'hebben'} volgens het team geholpen.`;
}
