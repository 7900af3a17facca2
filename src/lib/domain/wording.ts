/** Small rules for figures in sentences, so every page says "1 team" and "2 teams" alike. */

/** "1 meetronde", "2 meetrondes", "0 teams": the number with the singular only for exactly one. */
export function countOf(n: number, singular: string, plural: string): string {
	return `${n} ${n === 1 ? singular : plural}`;
}

/**
 * A name with its kind in front ("Leerbeweging Noord"), unless the name already starts with that
 * word: "Leerbeweging Jeugd Oost" stays as it is instead of "Leerbeweging Leerbeweging Jeugd Oost".
 */
export function withKind(kind: string, name: string): string {
	return name
		.trim()
		.toLocaleLowerCase('nl')
		.startsWith(kind.toLocaleLowerCase('nl') + ' ') ||
		name.trim().toLocaleLowerCase('nl') === kind.toLocaleLowerCase('nl')
		? name.trim()
		: `${kind} ${name.trim()}`;
}

/** Parts of a line of facts joined with " · ", empty parts left out (no stray or missing spaces). */
export function factLine(...parts: (string | null | undefined | false)[]): string {
	return parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(' · ');
}
