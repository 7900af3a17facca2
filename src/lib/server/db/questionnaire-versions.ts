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

/** The stored snapshot: what respondents of that version saw, whatever the files say now. */
export function definition(db: Db, id: number): Questionnaire | undefined {
	const row = db
		.select({ definition: questionnaireVersions.definition })
		.from(questionnaireVersions)
		.where(eq(questionnaireVersions.id, id))
		.get();
	return row ? (JSON.parse(row.definition) as Questionnaire) : undefined;
}
