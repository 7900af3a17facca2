import { z } from 'zod';
import {
	TEAM_COMPOSITIONS,
	TEAM_LEGAL_FORMS,
	TEAM_TARGET_GROUPS,
	TEAM_TASKS
} from './team-profile';
import { hasInvisibleCharacters, INVISIBLE_MESSAGE, normaliseName } from './names';

/** Schemas of the management forms, with Dutch messages for people (B1). */

/** A name or short title: normalised, and refused when it holds invisible characters. */
const name = (what: string, max = 100) =>
	z
		.string({ error: `Vul ${what} in.` })
		.transform(normaliseName)
		.pipe(
			z
				.string()
				.min(1, `Vul ${what} in.`)
				.max(max, `Gebruik hoogstens ${max} tekens.`)
				.refine((v) => !hasInvisibleCharacters(v), INVISIBLE_MESSAGE)
		);

const optionalChoice = <T extends Record<string, string>>(options: T) =>
	z
		.string()
		.optional()
		.transform((v) => (v === '' || v === undefined ? null : v))
		.refine((v) => v === null || v in options, { message: 'Kies een van de mogelijkheden.' })
		.transform((v) => v as keyof T | null);

const isoDate = z
	.string({ error: 'Vul een datum in.' })
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'Vul een datum in als jjjj-mm-dd.')
	.refine((v) => !Number.isNaN(Date.parse(v)), 'Deze datum bestaat niet.');

export const GemeenteSchema = z.strictObject({ name: name('de naam van de gemeente') });

export const TeamSchema = z.strictObject({
	name: name('de naam van het team'),
	tasks: z
		.array(z.string())
		.default([])
		.refine((tasks) => tasks.every((t) => t in TEAM_TASKS), 'Kies alleen taken uit de lijst.')
		.transform((tasks) => [...new Set(tasks)] as (keyof typeof TEAM_TASKS)[]),
	composition: optionalChoice(TEAM_COMPOSITIONS),
	legalForm: optionalChoice(TEAM_LEGAL_FORMS),
	targetGroup: optionalChoice(TEAM_TARGET_GROUPS)
});

export const LeerbewegingSchema = z.strictObject({
	name: name('de naam van de leerbeweging'),
	description: z.string().trim().max(1000, 'Gebruik hoogstens 1000 tekens.').default('')
});

export const MeetrondeSchema = z
	.strictObject({
		name: name('de naam van de meetronde'),
		startsOn: isoDate,
		endsOn: isoDate
	})
	.refine((m) => m.startsOn <= m.endsOn, {
		path: ['endsOn'],
		message: 'De einddatum ligt vóór de begindatum.'
	});

export const SessionSchema = z.strictObject({
	meetrondeId: z.coerce
		.number({ error: 'Kies een meetronde.' })
		.int()
		.positive('Kies een meetronde.'),
	questionnaireVersionId: z.coerce
		.number({ error: 'Kies een vragenlijst.' })
		.int()
		.positive('Kies een vragenlijst.'),
	minRespondents: z.coerce
		.number({ error: 'Vul een getal in.' })
		.int('Vul een heel getal in.')
		.min(3, 'De uitkomsten zijn pas te zien vanaf minstens 3 teamleden.')
		.max(50, 'Kies hoogstens 50.')
});

export const MinRespondentsSchema = SessionSchema.pick({ minRespondents: true });

export const PASSWORD_MIN = 12;

export const NewPasswordSchema = z
	.strictObject({
		password: z
			.string()
			.min(PASSWORD_MIN, `Kies een wachtwoord van minstens ${PASSWORD_MIN} tekens.`)
			.max(200, 'Kies een wachtwoord van hoogstens 200 tekens.'),
		confirm: z.string()
	})
	.refine((p) => p.password === p.confirm, {
		path: ['confirm'],
		message: 'De twee wachtwoorden zijn niet gelijk.'
	});

export const ChangePasswordSchema = z
	.strictObject({
		current: z.string().min(1, 'Vul je huidige wachtwoord in.').max(500),
		password: NewPasswordSchema.shape.password,
		confirm: z.string()
	})
	.refine((p) => p.password === p.confirm, {
		path: ['confirm'],
		message: 'De twee wachtwoorden zijn niet gelijk.'
	});

export const UserSchema = z.strictObject({
	name: name('de naam'),
	email: z
		.string({ error: 'Vul een e-mailadres in.' })
		.trim()
		.toLowerCase()
		.pipe(z.email('Vul een geldig e-mailadres in.')),
	role: z.enum(['beheerder', 'facilitator', 'gemeente-viewer'], { error: 'Kies een rol.' }),
	scope: z
		.string()
		.optional()
		.transform((v) => v ?? '')
		.refine(
			(v) => v === '' || /^(gemeente|leerbeweging):\d+$/.test(v),
			'Kies een gemeente of leerbeweging.'
		)
});

export const ConclusionSchema = z.strictObject({
	dimensionId: z.string().min(1).max(100),
	goesWell: z.string().trim().max(2000, 'Gebruik hoogstens 2000 tekens.').default(''),
	canImprove: z.string().trim().max(2000, 'Gebruik hoogstens 2000 tekens.').default('')
});

export const ActionSchema = z.strictObject({
	dimensionId: z.string().min(1, 'Kies een onderwerp.').max(100),
	what: name('wat jullie gaan doen', 500),
	who: z.string().trim().max(200, 'Gebruik hoogstens 200 tekens.').default(''),
	dueOn: z
		.string()
		.optional()
		.transform((v) => (v ? v : null))
		.refine((v) => v === null || /^\d{4}-\d{2}-\d{2}$/.test(v), 'Vul een datum in als jjjj-mm-dd.'),
	status: z.enum(['open', 'bezig', 'klaar'], { error: 'Kies een status.' }).default('open')
});

/** Changing an action's topic, text, owner or date; its status has a form of its own. */
export const ActionEditSchema = ActionSchema.omit({ status: true }).extend({
	actionId: z.coerce.number().int().positive()
});

export const ActionIdSchema = z.strictObject({ actionId: z.coerce.number().int().positive() });

export const ActionStatusSchema = z.strictObject({
	actionId: z.coerce.number().int().positive(),
	status: z.enum(['open', 'bezig', 'klaar'], { error: 'Kies een status.' })
});

/** The facilitator has read a dimension's comments and lets them through to the beamer, or not. */
export const CommentReviewSchema = z.strictObject({
	dimensionId: z.string().min(1).max(100),
	reviewed: z.enum(['ja', 'nee'], { error: 'Kies of de opmerkingen op de beamer mogen.' })
});

export const ConfirmNameSchema = (expected: string) =>
	z.strictObject({
		confirm: z
			.string()
			.refine(
				(v) => normaliseName(v) === normaliseName(expected),
				`Typ precies "${expected}" om te bevestigen.`
			)
	});

export type FormResult<T> =
	| { ok: true; data: T }
	| { ok: false; errors: Record<string, string>; values: Record<string, string | string[]> };

/**
 * Reads a form into a plain object (fields that may repeat, like check boxes, as arrays) and
 * validates it. Control fields (the button pressed) are dropped before validation.
 */
export function parseForm<T>(
	schema: z.ZodType<T>,
	form: FormData,
	arrays: readonly string[] = [],
	ignore: readonly string[] = []
): FormResult<T> {
	// No prototype: a field named "__proto__" or "constructor" must not reach Object.prototype.
	const values: Record<string, string | string[]> = Object.create(null);
	for (const key of new Set(form.keys())) {
		if (ignore.includes(key)) continue;
		const all = form.getAll(key).map((v) => (typeof v === 'string' ? v : ''));
		values[key] = arrays.includes(key) ? all : (all[0] ?? '');
	}
	const result = schema.safeParse(values);
	if (result.success) return { ok: true, data: result.data };
	const errors: Record<string, string> = Object.create(null);
	for (const issue of result.error.issues) {
		const named =
			issue.code === 'unrecognized_keys' ? issue.keys[0] : String(issue.path[0] ?? 'formulier');
		// SvelteKit cannot send a "__proto__" key back to the page (devalue refuses it).
		const field = named === '__proto__' ? 'formulier' : named;
		errors[field] ??=
			issue.code === 'unrecognized_keys' ? 'Dit veld kennen we niet.' : issue.message;
	}
	// Passwords are never sent back into the page.
	for (const secret of ['password', 'confirm', 'current', '__proto__']) delete values[secret];
	return { ok: false, errors, values };
}
