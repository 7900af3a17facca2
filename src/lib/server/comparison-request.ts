import { z } from 'zod';
import { canManageLeerbeweging, canViewGemeente, type Actor } from '$lib/domain/access';
import { forbidden } from './guard';
import { MEASURES } from '$lib/domain/measures';
import type { ComparisonRequest } from './comparisons';

/** The comparison's state lives in the URL, so a view can be bookmarked and shared. */
const QuerySchema = z.object({
	bron: z
		.string()
		.regex(/^(gemeente|leerbeweging)-\d+$/)
		.optional(),
	vragenlijst: z
		.string()
		.regex(/^[a-z0-9-]{1,60}$/)
		.default('basisfuncties'),
	soort: z.enum(['rondes', 'teams', 'gemiddelde']).default('teams'),
	team: z.coerce.number().int().positive().optional().catch(undefined),
	ronde: z.coerce.number().int().positive().optional().catch(undefined),
	gemiddelde: z.enum(['teams', 'respondenten']).default('teams').catch('teams'),
	profiel: z.enum(['alle', 'zelf-hulp', 'geen-zelf-hulp']).default('alle').catch('alle'),
	meting: z.enum(MEASURES).default('nu').catch('nu')
});

/** Reads and authorises a comparison request; the first source the actor may see is the default. */
export function comparisonRequest(
	url: URL,
	actor: Actor,
	defaults: { gemeenteIds: number[]; leerbewegingIds: number[] }
): ComparisonRequest & { source: string } {
	const parsed = QuerySchema.safeParse(Object.fromEntries(url.searchParams));
	const query = parsed.success ? parsed.data : QuerySchema.parse({});
	const source =
		query.bron ??
		(defaults.gemeenteIds.length
			? `gemeente-${defaults.gemeenteIds[0]}`
			: defaults.leerbewegingIds.length
				? `leerbeweging-${defaults.leerbewegingIds[0]}`
				: '');
	if (!source) forbidden();
	const [kind, rawId] = source.split('-');
	const id = Number(rawId);
	const allowed =
		kind === 'gemeente' ? canViewGemeente(actor, id) : canManageLeerbeweging(actor, id);
	if (!allowed) forbidden();
	return {
		source,
		scope: kind === 'gemeente' ? { gemeenteId: id } : { leerbewegingId: id },
		questionnaireId: query.vragenlijst,
		kind: query.soort,
		teamId: query.team ?? null,
		meetrondeId: query.ronde ?? null,
		average: query.gemiddelde,
		profile: query.profiel,
		measure: query.meting
	};
}
