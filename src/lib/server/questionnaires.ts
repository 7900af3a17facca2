import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import {
	parseQuestionnaire,
	QuestionnaireError,
	type Questionnaire
} from '$lib/domain/questionnaire';
import type { Db } from './db';
import { writeTransaction } from './db/transaction';
import * as questionnaireVersions from './db/questionnaire-versions';

export interface LoadedQuestionnaire {
	file: string;
	questionnaire: Questionnaire;
	contentHash: string;
}

/** Hash of the validated content, so comments and layout in the YAML may change freely. */
export function contentHash(questionnaire: Questionnaire): string {
	return createHash('sha256').update(JSON.stringify(questionnaire)).digest('hex');
}

/** Reads one YAML file and validates it; errors name the file and the path inside it. */
export function loadQuestionnaireFile(path: string, file: string): LoadedQuestionnaire {
	let data: unknown;
	try {
		data = parseYaml(readFileSync(path, 'utf8'), { prettyErrors: true, uniqueKeys: true });
	} catch (error) {
		if (error instanceof YAMLParseError) {
			const where = error.linePos ? `regel ${error.linePos[0].line}` : '(hele bestand)';
			throw new QuestionnaireError(file, [
				{ path: where, message: `geen geldige YAML: ${error.message.split('\n')[0]}` }
			]);
		}
		throw error;
	}
	const questionnaire = parseQuestionnaire(data, file);
	return { file, questionnaire, contentHash: contentHash(questionnaire) };
}

/** Loads every *.yaml/*.yml file in a folder; two files with the same id and version are refused. */
export function loadQuestionnaireDir(dir: string): LoadedQuestionnaire[] {
	const files = readdirSync(dir)
		.filter((name) => /\.ya?ml$/.test(name))
		.sort();
	const loaded = files.map((file) => loadQuestionnaireFile(join(dir, file), file));
	const seen = new Map<string, string>();
	for (const { file, questionnaire } of loaded) {
		const key = `${questionnaire.id}@${questionnaire.version}`;
		const other = seen.get(key);
		if (other) {
			throw new QuestionnaireError(file, [
				{
					path: 'version',
					message: `versie ${questionnaire.version} van "${questionnaire.id}" staat ook in ${other}`
				}
			]);
		}
		seen.set(key, file);
	}
	return loaded;
}

/**
 * Stores new versions and checks known ones. A published version is immutable: historic rounds
 * must keep meaning what they meant, so changed content needs a new version number.
 */
export function syncQuestionnaires(db: Db, loaded: LoadedQuestionnaire[]): void {
	writeTransaction(db, (tx) => {
		for (const { file, questionnaire, contentHash } of loaded) {
			const stored = questionnaireVersions.find(tx, questionnaire.id, questionnaire.version);
			if (!stored) {
				questionnaireVersions.insert(tx, questionnaire, contentHash);
			} else if (stored.contentHash !== contentHash) {
				throw new QuestionnaireError(file, [
					{
						path: 'version',
						message:
							`versie ${questionnaire.version} van "${questionnaire.id}" is al in gebruik en mag niet meer veranderen. ` +
							`Geef de aangepaste vragenlijst een nieuw versienummer.`
					}
				]);
			}
		}
	});
}
