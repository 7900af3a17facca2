/**
 * Names people read and compare (gemeenten, teams, leerbewegingen, meetrondes, users): one
 * spelling for what looks the same. "Team Oost B\u200b" must not sit next to "Team Oost B".
 */

/**
 * Control characters (NUL, tab, line breaks), format characters (zero-width spaces and joiners,
 * bidi overrides and isolates, soft hyphen, BOM) and line or paragraph separators: invisible or
 * reordering, never part of a name.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** NFC, every run of spaces (also no-break and other wide spaces) as one space, trimmed. */
export function normaliseName(value: string): string {
	return value
		.normalize('NFC')
		.replace(/\p{Zs}+/gu, ' ')
		.trim();
}

export function hasInvisibleCharacters(value: string): boolean {
	return INVISIBLE.test(value);
}

export const INVISIBLE_MESSAGE =
	'Deze naam bevat een onzichtbaar teken of een stuurteken. Typ de naam opnieuw in, zonder te plakken.';
