/**
 * Short B1 explanations of the words team members stumble over in statements and descriptions
 * (issue 12). In Wijkspiegel's own words; the questionnaire files stay as they are, so the help
 * also reaches version 1 texts and statements without a help text.
 */

export interface GlossaryEntry {
	/** the word as the explanation names it */
	term: string;
	/** every form in which it appears in a text, lower case */
	forms: string[];
	explanation: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
	{
		term: 'casus',
		forms: ['casus', 'casussen', 'casusbespreking', 'casusbesprekingen'],
		explanation:
			'Een casus is de situatie van één kind of gezin waar het team mee werkt. Bij het bespreken van casussen kijken jullie samen naar zo’n situatie: wat ging goed, wat kan anders?'
	},
	{
		term: 'signaal',
		forms: ['signaal', 'signalen'],
		explanation:
			'Een signaal is iets wat iemand ziet of hoort en wat zorgen geeft over een kind of gezin. Zo’n signaal kan komen van school, de huisarts, de buren of het gezin zelf.'
	},
	{
		term: 'gedragswetenschapper',
		forms: ['gedragswetenschapper', 'gedragswetenschappers'],
		explanation:
			'Een gedragswetenschapper is bijvoorbeeld een orthopedagoog of psycholoog. Die helpt het team om een moeilijke situatie goed in te schatten en een goed plan te maken.'
	},
	{
		term: 'gezamenlijke visie',
		forms: ['gezamenlijke visie'],
		explanation:
			'Een gezamenlijke visie is een beeld dat jullie met elkaar delen. Wat willen jullie bereiken voor kinderen en gezinnen? En hoe doen jullie dat samen?'
	},
	{
		term: 'voorziening',
		forms: ['voorziening', 'voorzieningen'],
		explanation:
			'Een voorziening is hulp of ondersteuning die de gemeente regelt. Sommige voorzieningen zijn er voor iedereen in de wijk, zoals een opvoedcursus. Voor andere is een indicatie nodig.'
	},
	{
		term: 'randvoorwaarde',
		forms: ['randvoorwaarde', 'randvoorwaarden'],
		explanation:
			'Een randvoorwaarde is iets wat geregeld moet zijn om goed te kunnen werken. Denk aan genoeg tijd, de juiste kennis of ruimte om zelf te beslissen.'
	},
	{
		term: 'indiceren',
		forms: ['indiceren', 'indicatie', 'indicaties', 'geïndiceerd'],
		explanation:
			'Indiceren is bepalen welke hulp iemand nodig heeft en die hulp toewijzen. Dat besluit heet een indicatie.'
	}
];

// A letter on neither side, so "casus" in "casusbespreking" is that longer form, not "casus".
const around = (forms: string[], after = '') =>
	new RegExp(
		`(?<!\\p{L})(${[...forms].sort((a, b) => b.length - a.length).join('|')})(?!\\p{L})${after}`,
		'iu'
	);

/**
 * Whether a text already explains the word itself: "Een casus is …", "Indiceren betekent …". A
 * colon does not count: "Randvoorwaarde: de juiste kwaliteiten" is a title, not an explanation.
 */
function explainedIn(entry: GlossaryEntry, text: string): boolean {
	return around(entry.forms, '\\s+(?:is|zijn|betekent|betekenen|heet)(?!\\p{L})').test(text);
}

export interface FoundTerm extends GlossaryEntry {
	/** the word as it is written in the text */
	found: string;
}

/**
 * The glossary words in a text that need an explanation, in the order they appear: words that
 * `context` (the text with its help text) already explains are left out.
 */
export function termsToExplain(text: string, context: string = text): FoundTerm[] {
	const found = GLOSSARY.flatMap((entry) => {
		const match = around(entry.forms).exec(text);
		if (!match || explainedIn(entry, context)) return [];
		return [{ term: { ...entry, found: match[1] }, at: match.index }];
	});
	return found.sort((a, b) => a.at - b.at).map((f) => f.term);
}
