import { z } from 'zod';
import type { Dimension, Questionnaire } from './questionnaire';
import { assignmentField, isAssignmentValue, type AssignmentValue } from './task-assignment';

import {
	answerField,
	COMMENT_MAX,
	commentField,
	desiredField,
	DONT_KNOW,
	flagField
} from './form-fields';

export { answerField, COMMENT_MAX, commentField, DONT_KNOW, flagField };

export interface PageAnswer {
	itemId: string;
	value: number | null;
	dontKnow: boolean;
	flagged: boolean;
}

export interface PageInput {
	answers: PageAnswer[];
	comment: string;
	/** the page's "gewenst" answer; null when the questionnaire does not ask it */
	desired: { value: number | null; dontKnow: boolean } | null;
	/** per task "hoort dit bij de opdracht?" (takenprofiel v2); empty when not asked */
	assignment: { itemId: string; answer: AssignmentValue | null }[];
}

/** Fields the page's buttons and scripts send besides the answers. */
const CONTROL_FIELDS = new Set(['naar']);

/**
 * The zod schema of one questionnaire page (a dimension): every statement's answer, its
 * "Hier wil ik over praten" flag and the dimension's comment. Unknown fields are refused, so a
 * request for another questionnaire's statement stores nothing.
 */
export function pageSchema(questionnaire: Questionnaire, dimension: Dimension) {
	let perDimension = schemas.get(questionnaire);
	if (!perDimension) schemas.set(questionnaire, (perDimension = new WeakMap()));
	let cached = perDimension.get(dimension);
	if (!cached) perDimension.set(dimension, (cached = buildPageSchema(questionnaire, dimension)));
	return cached;
}

// One schema per page of a questionnaire: building a zod schema costs more than parsing with it.
const schemas = new WeakMap<
	Questionnaire,
	WeakMap<Dimension, ReturnType<typeof buildPageSchema>>
>();

function buildPageSchema(questionnaire: Questionnaire, dimension: Dimension) {
	const values = questionnaire.scale.points.map((p) => String(p.value));
	const allowed = questionnaire.scale.dontKnow ? [...values, DONT_KNOW] : values;
	const shape: Record<string, z.ZodType> = {};
	for (const item of dimension.items) {
		shape[answerField(item.id)] = z
			.string()
			.refine((v) => allowed.includes(v), {
				message: 'Kies een van de antwoorden die bij de stelling staan.'
			})
			.optional();
		if (questionnaire.assignment) {
			shape[assignmentField(item.id)] = z
				.string()
				.refine(isAssignmentValue, {
					message: 'Kies bij "hoort dit bij de opdracht" ja, nee of weet ik niet.'
				})
				.optional();
		}
		shape[flagField(item.id)] = z
			.string()
			.refine((v) => v === 'on' || v === 'ja', {
				message: 'Ongeldige keuze bij "Hier wil ik over praten".'
			})
			.optional();
	}
	if (questionnaire.gewenst) {
		shape[desiredField(dimension.id)] = z
			.string()
			.refine((v) => allowed.includes(v), {
				message: 'Kies bij "waar wil je over een jaar staan" een van de antwoorden.'
			})
			.optional();
	}
	shape[commentField(dimension.id)] = z
		.string()
		.max(COMMENT_MAX, `Je opmerking is te lang. Gebruik hoogstens ${COMMENT_MAX} tekens.`)
		.optional();
	return z.strictObject(shape).transform((fields): PageInput => ({
		answers: dimension.items.map((item) => {
			const raw = fields[answerField(item.id)] as string | undefined;
			return {
				itemId: item.id,
				value: raw === undefined || raw === DONT_KNOW ? null : Number(raw),
				dontKnow: raw === DONT_KNOW,
				flagged: fields[flagField(item.id)] !== undefined
			};
		}),
		comment: ((fields[commentField(dimension.id)] as string | undefined) ?? '').trim(),
		desired: questionnaire.gewenst
			? desiredInput(fields[desiredField(dimension.id)] as string | undefined)
			: null,
		assignment: questionnaire.assignment
			? dimension.items.map((item) => {
					const raw = fields[assignmentField(item.id)];
					return { itemId: item.id, answer: isAssignmentValue(raw) ? raw : null };
				})
			: []
	}));
}

function desiredInput(raw: string | undefined): NonNullable<PageInput['desired']> {
	return {
		value: raw === undefined || raw === DONT_KNOW ? null : Number(raw),
		dontKnow: raw === DONT_KNOW
	};
}

/** Form data as a plain record for zod; a field sent twice is an error, not a silent pick. */
export function formRecord(form: FormData): { record: Record<string, string>; duplicate?: string } {
	// No prototype: a field named "toString" or "__proto__" is just a field.
	const record: Record<string, string> = Object.create(null);
	for (const [key, value] of form.entries()) {
		if (CONTROL_FIELDS.has(key)) continue;
		if (Object.hasOwn(record, key)) return { record, duplicate: key };
		record[key] = typeof value === 'string' ? value : '';
	}
	return { record };
}

export type ParsedPage =
	{ ok: true; input: PageInput } | { ok: false; message: string; errors: Record<string, string> };

/** Parses one page's form; errors are in Dutch, keyed by field name. */
export function parsePage(
	questionnaire: Questionnaire,
	dimension: Dimension,
	form: FormData
): ParsedPage {
	const { record, duplicate } = formRecord(form);
	if (duplicate) {
		return {
			ok: false,
			message: 'Je antwoorden zijn niet opgeslagen: het formulier is niet goed verstuurd.',
			errors: { [duplicate]: 'Dit veld komt twee keer voor.' }
		};
	}
	const result = pageSchema(questionnaire, dimension).safeParse(record);
	if (result.success) return { ok: true, input: result.data };
	const errors: Record<string, string> = Object.create(null);
	for (const issue of result.error.issues) {
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) errors[key] = 'Deze stelling hoort niet bij deze pagina.';
		} else {
			errors[String(issue.path[0] ?? 'formulier')] = issue.message;
		}
	}
	return {
		ok: false,
		message: 'Je antwoorden zijn niet opgeslagen. Controleer de punten hieronder.',
		errors
	};
}

/** Statements without an answer (a score or "weet ik niet"), in questionnaire order. */
export function unansweredItems(
	questionnaire: Questionnaire,
	answered: Iterable<{ itemId: string; value: number | null; dontKnow: boolean }>
): { step: number; dimension: Dimension; itemId: string; statement: string }[] {
	const done = new Set<string>();
	for (const a of answered) if (a.value !== null || a.dontKnow) done.add(a.itemId);
	return questionnaire.dimensions.flatMap((dimension, d) =>
		dimension.items
			.filter((item) => !done.has(item.id))
			.map((item) => ({ step: d + 1, dimension, itemId: item.id, statement: item.statement }))
	);
}
