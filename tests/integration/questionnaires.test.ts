import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { QuestionnaireError } from '$lib/domain/questionnaire';
import * as questionnaireVersions from '$lib/server/db/questionnaire-versions';
import {
	loadQuestionnaireDir,
	loadQuestionnaireFile,
	syncQuestionnaires
} from '$lib/server/questionnaires';
import { QUESTIONNAIRES_DIR, tempDatabase } from './helpers';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'questionnaires');

let cleanup: () => void = () => {};
afterEach(() => cleanup());

function catchError(fn: () => unknown): QuestionnaireError {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(QuestionnaireError);
		return error as QuestionnaireError;
	}
	throw new Error('expected a QuestionnaireError');
}

describe('the questionnaires in questionnaires/', () => {
	const loaded = loadQuestionnaireDir(QUESTIONNAIRES_DIR);
	// Files are read in name order, so each id ends up with its newest version.
	const byId = new Map(loaded.map((l) => [l.questionnaire.id, l.questionnaire]));
	const firstVersions = loaded.filter((l) => l.questionnaire.version === 1);

	it('are the three the product ships, all valid', () => {
		expect([...byId.keys()].sort()).toEqual([
			'basisfuncties',
			'stevig-lokaal-team',
			'takenprofiel'
		]);
	});

	it('keep every first version, so sessions that used it keep their meaning', () => {
		expect(firstVersions.map((l) => l.file).sort()).toEqual([
			'basisfuncties-v1.yaml',
			'stevig-lokaal-team-v1.yaml',
			'takenprofiel-v1.yaml'
		]);
	});

	it('give every dimension of a version 2 or later a conversation guide', () => {
		const later = loaded.filter((l) => l.questionnaire.version >= 2);
		expect(later.map((l) => l.file)).toEqual(
			expect.arrayContaining(['basisfuncties-v2.yaml', 'stevig-lokaal-team-v2.yaml'])
		);
		for (const { questionnaire } of later) {
			for (const d of questionnaire.dimensions) expect(d.guide?.why).toBeTruthy();
		}
	});

	it('keep the dimension ids of version 1 in version 2, so rounds stay comparable', () => {
		for (const id of ['basisfuncties', 'stevig-lokaal-team']) {
			const [v1, v2] = [1, 2].map(
				(version) =>
					loaded.find((l) => l.questionnaire.id === id && l.questionnaire.version === version)!
						.questionnaire
			);
			expect(v2.dimensions.map((d) => d.id)).toEqual(v1.dimensions.map((d) => d.id));
		}
	});

	it('give the five basisfuncties 5 to 8 statements each', () => {
		const q = byId.get('basisfuncties')!;
		expect(q.dimensions).toHaveLength(5);
		for (const d of q.dimensions) expect(d.items.length).toBeGreaterThanOrEqual(5);
		for (const d of q.dimensions) expect(d.items.length).toBeLessThanOrEqual(8);
	});

	it('give the eight principles and two preconditions 3 to 6 statements each', () => {
		const q = byId.get('stevig-lokaal-team')!;
		expect(q.dimensions).toHaveLength(10);
		for (const d of q.dimensions) expect(d.items.length).toBeGreaterThanOrEqual(3);
		for (const d of q.dimensions) expect(d.items.length).toBeLessThanOrEqual(6);
	});

	it('let the takenprofiel carry national reference percentages', () => {
		const q = byId.get('takenprofiel')!;
		const references = q.dimensions.flatMap((d) => d.items).filter((i) => i.reference);
		expect(references.length).toBeGreaterThanOrEqual(5);
		expect(q.scale.points.map((p) => p.label)).toEqual([
			'Doen we niet',
			'Doen we deels',
			'Doen we volledig'
		]);
	});
});

describe('loading questionnaire files', () => {
	it('reports broken YAML with the file and the line', () => {
		const error = catchError(() =>
			loadQuestionnaireFile(join(FIXTURES, 'kapotte-yaml.yaml'), 'kapotte-yaml.yaml')
		);
		expect(error.message).toContain('kapotte-yaml.yaml');
		expect(error.message).toMatch(/regel \d+/);
	});

	it('reports every mistake in a file with its path', () => {
		const error = catchError(() =>
			loadQuestionnaireFile(join(FIXTURES, 'lange-label.yaml'), 'lange-label.yaml')
		);
		expect(error.message).toContain('lange-label.yaml');
		expect(error.message).toContain('dimensions[2].chartLabel');
		expect(error.message).toContain('dimensions[2].items[1].id');
	});

	it('stops at a malformed conversation guide with the file, the path and the reason', () => {
		const error = catchError(() =>
			loadQuestionnaireFile(join(FIXTURES, 'kapotte-gids.yaml'), 'kapotte-gids.yaml')
		);
		expect(error.message).toContain('kapotte-gids.yaml');
		expect(error.problems).toEqual(
			expect.arrayContaining([
				{
					path: 'dimensions[0].guide.questions',
					message: 'geef minstens 2 vragen voor het gesprek'
				},
				expect.objectContaining({
					path: 'dimensions[1].guide',
					message: expect.stringMatching(/^ontbreekt: vanaf versie 2/)
				})
			])
		);
	});

	it('refuses two files with the same id and version', () => {
		const temp = tempDatabase();
		cleanup = temp.cleanup;
		const dir = join(temp.dir, 'q');
		mkdirSync(dir);
		copyFileSync(join(QUESTIONNAIRES_DIR, 'takenprofiel-v1.yaml'), join(dir, 'a.yaml'));
		copyFileSync(join(QUESTIONNAIRES_DIR, 'takenprofiel-v1.yaml'), join(dir, 'b.yaml'));
		const error = catchError(() => loadQuestionnaireDir(dir));
		expect(error.message).toContain('a.yaml');
		expect(error.message).toContain('b.yaml');
	});
});

describe('syncing questionnaire versions into the database', () => {
	function setup() {
		const temp = tempDatabase();
		cleanup = temp.cleanup;
		const dir = join(temp.dir, 'q');
		mkdirSync(dir);
		const file = join(dir, 'takenprofiel-v1.yaml');
		copyFileSync(join(QUESTIONNAIRES_DIR, 'takenprofiel-v1.yaml'), file);
		return { ...temp, qdir: dir, file };
	}

	it('stores each version once, however often the app starts', () => {
		const { db, qdir } = setup();
		syncQuestionnaires(db, loadQuestionnaireDir(qdir));
		syncQuestionnaires(db, loadQuestionnaireDir(qdir));
		expect(questionnaireVersions.list(db)).toHaveLength(1);
	});

	it('refuses a changed file that keeps a published version number', () => {
		const { db, qdir, file } = setup();
		syncQuestionnaires(db, loadQuestionnaireDir(qdir));
		writeFileSync(file, readFileSync(file, 'utf8').replace('Doen we deels', 'Doen we soms'));
		const error = catchError(() => syncQuestionnaires(db, loadQuestionnaireDir(qdir)));
		expect(error.message).toMatch(/nieuw versienummer/);
		expect(questionnaireVersions.list(db)).toHaveLength(1);
	});

	it('accepts layout and comment changes that leave the content as it was', () => {
		const { db, qdir, file } = setup();
		syncQuestionnaires(db, loadQuestionnaireDir(qdir));
		writeFileSync(file, '# opmerking van de redactie\n' + readFileSync(file, 'utf8'));
		syncQuestionnaires(db, loadQuestionnaireDir(qdir));
		expect(questionnaireVersions.list(db)).toHaveLength(1);
	});

	it('loads a new version beside the old one', () => {
		const { db, qdir } = setup();
		copyFileSync(join(QUESTIONNAIRES_DIR, 'basisfuncties-v1.yaml'), join(qdir, 'b-v1.yaml'));
		syncQuestionnaires(db, loadQuestionnaireDir(qdir));
		copyFileSync(join(QUESTIONNAIRES_DIR, 'basisfuncties-v2.yaml'), join(qdir, 'b-v2.yaml'));
		syncQuestionnaires(db, loadQuestionnaireDir(qdir));
		expect(
			questionnaireVersions
				.list(db)
				.filter((v) => v.questionnaireId === 'basisfuncties')
				.map((v) => v.version)
		).toEqual([1, 2]);
	});

	it('refuses a version 2 copied from version 1 without conversation guides', () => {
		const { db, qdir, file } = setup();
		writeFileSync(
			join(qdir, 'takenprofiel-v2.yaml'),
			readFileSync(file, 'utf8').replace('version: 1', 'version: 2')
		);
		const error = catchError(() => syncQuestionnaires(db, loadQuestionnaireDir(qdir)));
		expect(error.message).toContain('takenprofiel-v2.yaml');
		expect(error.message).toContain('dimensions[0].guide');
		expect(questionnaireVersions.list(db)).toHaveLength(0);
	});
});
