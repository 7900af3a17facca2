import { z } from 'zod';

// Built-in messages in Dutch: authors of questionnaire files read them at start-up.
z.config(z.locales.nl());

/** Slugs used as stable ids: lower-case letters, digits and single dashes. */
const slug = z
	.string()
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'gebruik alleen kleine letters, cijfers en streepjes');

const text = (max: number) =>
	z.string().trim().min(1, 'mag niet leeg zijn').max(max, `mag hoogstens ${max} tekens lang zijn`);

export const CHART_LABEL_MAX = 24;

const ScalePointSchema = z.strictObject({
	value: z.number().int('moet een geheel getal zijn'),
	label: text(40)
});

const ScaleSchema = z
	.strictObject({
		points: z.array(ScalePointSchema).min(2, 'een schaal heeft minstens 2 punten').max(11),
		dontKnow: text(60).optional()
	})
	.superRefine((scale, ctx) => {
		scale.points.forEach((point, index) => {
			if (index > 0 && point.value !== scale.points[index - 1].value + 1) {
				ctx.addIssue({
					code: 'custom',
					path: ['points', index, 'value'],
					message: 'de waarden van de schaal moeten oplopen in stappen van 1'
				});
			}
		});
	});

const ReferenceSchema = z.strictObject({
	percentage: z
		.number()
		.min(0, 'moet tussen 0 en 100 liggen')
		.max(100, 'moet tussen 0 en 100 liggen'),
	source: text(400)
});

const ItemSchema = z.strictObject({
	id: slug,
	statement: text(240),
	help: text(400).optional(),
	reverse: z.boolean().optional(),
	reference: ReferenceSchema.optional()
});

/** From this version on every dimension carries a guide for the team's conversation. */
export const GUIDE_REQUIRED_FROM_VERSION = 2;

/** What a facilitator needs beside a dimension's figures to start the conversation. */
const GuideSchema = z.strictObject({
	/** why the dimension matters, in two or three sentences grounded in the sources */
	why: text(700),
	/** which source(s) the why rests on */
	source: text(400),
	questions: z
		.array(text(200))
		.min(2, 'geef minstens 2 vragen voor het gesprek')
		.max(4, 'geef hoogstens 4 vragen voor het gesprek'),
	exampleActions: z
		.array(text(200))
		.min(2, 'geef minstens 2 voorbeelden van verbeteracties')
		.max(3, 'geef hoogstens 3 voorbeelden van verbeteracties')
});

const DimensionSchema = z.strictObject({
	id: slug,
	title: text(100),
	chartLabel: text(CHART_LABEL_MAX),
	description: text(600),
	source: text(400),
	guide: GuideSchema.optional(),
	items: z.array(ItemSchema).min(1, 'een dimensie heeft minstens 1 stelling')
});

export const QuestionnaireSchema = z
	.strictObject({
		id: slug,
		version: z.number().int('moet een geheel getal zijn').positive('moet groter dan 0 zijn'),
		title: text(120),
		introduction: text(1500),
		sources: z.array(text(600)).min(1, 'noem minstens 1 bron'),
		scale: ScaleSchema,
		/**
		 * Also ask, once per dimension, where the team wants to be ("gewenst") on the same scale.
		 * Version 1 files predate it and do not have it.
		 */
		gewenst: z.boolean('moet true of false zijn').optional(),
		/**
		 * Takenprofiel from version 2 on: per task also ask whether it is part of the team's
		 * assignment (ja, nee, weet ik niet). The gap between assignment and practice is the finding.
		 */
		assignment: z.boolean('moet true of false zijn').optional(),
		dimensions: z.array(DimensionSchema).min(1, 'een vragenlijst heeft minstens 1 dimensie')
	})
	.superRefine((questionnaire, ctx) => {
		if (questionnaire.assignment) {
			// Only a task list asks "hoort dit bij jullie opdracht?": a list with a "gewenst" answer
			// scores statements as better or worse, and a task profile compares with national shares.
			if (questionnaire.gewenst) {
				ctx.addIssue({
					code: 'custom',
					path: ['assignment'],
					message:
						'kan niet samen met gewenst: de opdrachtvraag hoort bij een takenlijst, niet bij stellingen'
				});
			}
			if (!questionnaire.dimensions.some((d) => d.items.some((i) => i.reference))) {
				ctx.addIssue({
					code: 'custom',
					path: ['assignment'],
					message:
						'alleen voor een takenprofiel: geef minstens 1 taak een landelijk cijfer (reference)'
				});
			}
		}
		const dimensionIds = new Set<string>();
		const itemIds = new Set<string>();
		questionnaire.dimensions.forEach((dimension, d) => {
			if (!dimension.guide && questionnaire.version >= GUIDE_REQUIRED_FROM_VERSION) {
				ctx.addIssue({
					code: 'custom',
					path: ['dimensions', d, 'guide'],
					message: `ontbreekt: vanaf versie ${GUIDE_REQUIRED_FROM_VERSION} heeft elk onderwerp een gespreksleidraad (why, source, questions, exampleActions)`
				});
			}
			if (dimensionIds.has(dimension.id)) {
				ctx.addIssue({
					code: 'custom',
					path: ['dimensions', d, 'id'],
					message: `de id "${dimension.id}" komt al eerder voor`
				});
			}
			dimensionIds.add(dimension.id);
			dimension.items.forEach((item, i) => {
				if (itemIds.has(item.id)) {
					ctx.addIssue({
						code: 'custom',
						path: ['dimensions', d, 'items', i, 'id'],
						message: `de id "${item.id}" komt al eerder voor`
					});
				}
				itemIds.add(item.id);
			});
		});
	});

export type Questionnaire = z.infer<typeof QuestionnaireSchema>;
export type Dimension = Questionnaire['dimensions'][number];
export type Item = Dimension['items'][number];
export type Scale = Questionnaire['scale'];
export type Guide = NonNullable<Dimension['guide']>;

/** Formats a zod issue path as it reads in the file: `dimensions[2].items[0].id`. */
export function formatPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += out === '' ? String(key) : `.${String(key)}`;
	}
	return out === '' ? '(hele bestand)' : out;
}

export class QuestionnaireError extends Error {
	constructor(
		readonly file: string,
		readonly problems: { path: string; message: string }[]
	) {
		super(
			`Vragenlijst ${file} is ongeldig:\n` +
				problems.map((p) => `  - ${p.path}: ${p.message}`).join('\n')
		);
		this.name = 'QuestionnaireError';
	}
}

/** Validates parsed file content; throws a QuestionnaireError naming the file and each path. */
export function parseQuestionnaire(data: unknown, file: string): Questionnaire {
	const result = QuestionnaireSchema.safeParse(data);
	if (result.success) return result.data;
	throw new QuestionnaireError(
		file,
		result.error.issues.map((issue) => ({
			path: formatPath(issue.path),
			message: describeIssue(issue)
		}))
	);
}

function describeIssue(issue: z.core.$ZodIssue): string {
	if (issue.code === 'unrecognized_keys') {
		return `onbekende sleutel(s): ${issue.keys.join(', ')}`;
	}
	if (issue.code === 'invalid_type' && issue.input === undefined) {
		return `ontbreekt (verwacht: ${issue.expected})`;
	}
	return issue.message;
}

/** The dimension each item belongs to, for quick look-ups. */
export function itemIndex(
	questionnaire: Questionnaire
): Map<string, { item: Item; dimension: Dimension }> {
	const index = new Map<string, { item: Item; dimension: Dimension }>();
	for (const dimension of questionnaire.dimensions) {
		for (const item of dimension.items) index.set(item.id, { item, dimension });
	}
	return index;
}

export { scoredValue } from './scale';
