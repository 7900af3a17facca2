import { and, asc, eq } from 'drizzle-orm';
import type { Questionnaire } from '$lib/domain/questionnaire';
import type { Db } from '.';
import { questionnaireVersions } from './schema';

export function find(db: Db, questionnaireId: string, version: number) {
	return db
		.select()
		.from(questionnaireVersions)
		.where(
			and(
				eq(questionnaireVersions.questionnaireId, questionnaireId),
				eq(questionnaireVersions.version, version)
			)
		)
		.get();
}

export function insert(db: Db, questionnaire: Questionnaire, contentHash: string): number {
	return db
		.insert(questionnaireVersions)
		.values({
			questionnaireId: questionnaire.id,
			version: questionnaire.version,
			title: questionnaire.title,
			contentHash,
			definition: JSON.stringify(questionnaire)
		})
		.returning({ id: questionnaireVersions.id })
		.get().id;
}

export function list(db: Db) {
	return db
		.select({
			id: questionnaireVersions.id,
			questionnaireId: questionnaireVersions.questionnaireId,
			version: questionnaireVersions.version,
			title: questionnaireVersions.title
		})
		.from(questionnaireVersions)
		.orderBy(asc(questionnaireVersions.questionnaireId), asc(questionnaireVersions.version))
		.all();
}

const definitions = new WeakMap<Db, Map<number, Questionnaire>>();

/**
 * The stored snapshot: what respondents of that version saw, whatever the files say now.
 * Versions never change once stored, so each is parsed once per connection and then shared:
 * callers must not modify it.
 */
export function definition(db: Db, id: number): Questionnaire | undefined {
	let cache = definitions.get(db);
	if (!cache) definitions.set(db, (cache = new Map()));
	const cached = cache.get(id);
	if (cached) return cached;
	const row = db
		.select({ definition: questionnaireVersions.definition })
		.from(questionnaireVersions)
		.where(eq(questionnaireVersions.id, id))
		.get();
	if (!row) return undefined;
	const parsed = Object.freeze(JSON.parse(row.definition)) as Questionnaire;
	cache.set(id, parsed);
	return parsed;
}
