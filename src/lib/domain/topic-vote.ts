import { z } from 'zod';
import { effectiveMinimum } from './anonymity';

/**
 * Topic voting after the results were shown: each team member picks the two or three topics the
 * team should talk about. Pure rules here; storing lives in server/db/votes.ts and reading the
 * totals in the one gate, server/db/results.ts.
 */

export type VoteSubject = 'onderwerpen' | 'onderwerpen-en-stellingen';

export const VOTE_SUBJECT_LABELS: Record<VoteSubject, string> = {
	onderwerpen: 'De onderwerpen',
	'onderwerpen-en-stellingen':
		'De onderwerpen, en de stellingen met het meeste verschil en de meeste "hier wil ik over praten"'
};

export interface VoteOption {
	/** `d:` and a dimension id, or `s:` and a statement id */
	id: string;
	label: string;
	kind: 'onderwerp' | 'stelling';
}

/** How many statements of each kind are added to the dimensions: enough to choose, few to read. */
export const STATEMENTS_PER_KIND = 3;

interface DimensionInput {
	dimensionId: string;
	title: string;
}
interface ItemInput {
	itemId: string;
	statement: string;
	sd: number | null;
	flags: number;
	suppressed: boolean;
}

/**
 * The options of a vote: every dimension, and when asked the statements with most disagreement
 * and most "hier wil ik over praten" (each once). Statements left out for too few scores are
 * never offered: their figures are not shown either.
 */
export function voteOptions(
	subject: VoteSubject,
	dimensions: readonly DimensionInput[],
	items: readonly ItemInput[]
): VoteOption[] {
	const options: VoteOption[] = dimensions.map((d) => ({
		id: `d:${d.dimensionId}`,
		label: d.title,
		kind: 'onderwerp'
	}));
	if (subject === 'onderwerpen') return options;
	const shown = items.filter((i) => !i.suppressed);
	const bySpread = shown
		.filter((i) => i.sd !== null && i.sd > 0)
		.sort((a, b) => (b.sd ?? 0) - (a.sd ?? 0))
		.slice(0, STATEMENTS_PER_KIND);
	const byFlags = shown
		.filter((i) => i.flags > 0)
		.sort((a, b) => b.flags - a.flags)
		.slice(0, STATEMENTS_PER_KIND);
	const seen = new Set<string>();
	for (const item of [...bySpread, ...byFlags]) {
		if (seen.has(item.itemId)) continue;
		seen.add(item.itemId);
		options.push({ id: `s:${item.itemId}`, label: item.statement, kind: 'stelling' });
	}
	return options;
}

/**
 * The form of one team member's votes: at least one choice, at most `votesEach`, each an option of
 * this vote and each once. Check boxes send a repeated field, read as an array (parseForm).
 */
export function ballotSchema(options: readonly VoteOption[], votesEach: number) {
	const ids = new Set(options.map((o) => o.id));
	return z.strictObject({
		keuze: z
			.array(z.string().max(200), { error: 'Kies minstens één onderwerp.' })
			.default([])
			.refine((choices) => choices.length > 0, 'Kies minstens één onderwerp.')
			.refine(
				(choices) => new Set(choices).size === choices.length,
				'Kies elk onderwerp hoogstens één keer.'
			)
			.refine(
				(choices) => choices.length <= votesEach,
				`Je hebt ${votesEach} stemmen. Kies hoogstens ${votesEach} onderwerpen.`
			)
			.refine(
				(choices) => choices.every((c) => ids.has(c)),
				'Kies alleen uit de onderwerpen op deze pagina.'
			)
	});
}

/** The form with which a facilitator opens a vote. */
export const OpenVoteSchema = z.strictObject({
	subject: z.enum(['onderwerpen', 'onderwerpen-en-stellingen'], {
		error: 'Kies waar het team over stemt.'
	}),
	votesEach: z.coerce
		.number({ error: 'Kies 2 of 3 stemmen.' })
		.int('Kies 2 of 3 stemmen.')
		.min(2, 'Kies 2 of 3 stemmen.')
		.max(3, 'Kies 2 of 3 stemmen.')
});

export interface TalliedOption extends VoteOption {
	votes: number;
}

/**
 * The options with their totals, most votes first; equal totals keep the order of the list, so
 * the outcome reads the same on the beamer, the results page and paper.
 */
export function tally(
	options: readonly VoteOption[],
	totals: ReadonlyMap<string, number>
): TalliedOption[] {
	return options
		.map((option, index) => ({ option, index, votes: totals.get(option.id) ?? 0 }))
		.sort((a, b) => b.votes - a.votes || a.index - b.index)
		.map(({ option, votes }) => ({ ...option, votes }));
}

/** Whether a vote's totals may be shown: as with every figure, only from the session's minimum. */
export function enoughVoters(voters: number, minRespondents: number): boolean {
	return voters >= effectiveMinimum(minRespondents);
}

/** The options that got the most votes (more than one when tied); none when nobody voted. */
export function winners(tallied: readonly TalliedOption[]): TalliedOption[] {
	const top = tallied[0]?.votes ?? 0;
	return top === 0 ? [] : tallied.filter((t) => t.votes === top);
}

const people = (n: number) => `${n} ${n === 1 ? 'teamlid' : 'teamleden'}`;

/** The outcome in one or two sentences, the same on the beamer, the results page and paper. */
export function outcomeSentence(
	tallied: readonly TalliedOption[] | null,
	voters: number,
	minRespondents: number
): string {
	const who = `${people(voters)} ${voters === 1 ? 'stemde' : 'stemden'}.`;
	if (tallied === null) {
		return `${who} De uitslag tonen we pas als minstens ${effectiveMinimum(minRespondents)} teamleden stemden, zodat niemand herkenbaar is.`;
	}
	const top = winners(tallied);
	if (top.length === 0) return `${who} Er is op niets gestemd.`;
	const names = top.map((t) => `"${t.label}"`);
	const list =
		names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} en ${names.at(-1)}`;
	const votes = `${top[0].votes} ${top[0].votes === 1 ? 'stem' : 'stemmen'}`;
	return top.length === 1
		? `${who} De meeste stemmen (${votes}) gingen naar ${list}.`
		: `${who} Evenveel stemmen (${votes} elk) gingen naar ${list}.`;
}
