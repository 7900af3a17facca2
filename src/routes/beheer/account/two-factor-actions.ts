import { fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { mayDisableTotp } from '$lib/domain/two-factor-policy';
import { getDb } from '$lib/server/app';
import * as audit from '$lib/server/db/audit';
import * as twoFactor from '$lib/server/db/two-factor';
import * as users from '$lib/server/db/users';
import { requireSignedIn } from '$lib/server/guard';
import { checkSecondFactor, tryAgainIn } from '$lib/server/login-attempts';
import { totpRequiredForBeheerders } from '$lib/server/sign-in-settings';
import QRCode from 'qrcode';
import {
	acceptedCounter,
	enrolmentUri,
	readableSecret,
	hashRecoveryCode,
	isSecret,
	newRecoveryCodes
} from '$lib/server/two-factor';

// Forms of the account page's "Inloggen met een code" section; the page's own file stays short.

const EnrolSchema = z.object({
	secret: z.string().refine(isSecret, 'Begin opnieuw: laad de pagina opnieuw.'),
	code: z
		.string()
		.trim()
		.regex(/^\d{6}$/, 'Vul de code van zes cijfers uit je app in.')
});

const CodeSchema = z.object({
	code: z.string().trim().min(1, 'Vul een code uit je app in.').max(40, 'Deze code is te lang.')
});

type Errors = Record<string, string>;

/**
 * What the page shows to set up the app: the QR code and the secret as text. A new secret is made
 * on every visit but stored only when a code confirms it (the form posts it back), so opening the
 * page changes nothing.
 */
export async function enrolment(secret: string, email: string) {
	const svg = await QRCode.toString(enrolmentUri(secret, email), {
		type: 'svg',
		errorCorrectionLevel: 'M',
		margin: 2
	});
	return {
		secret,
		readable: readableSecret(secret),
		qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
	};
}

/** Confirms the scanned secret with a first code, then turns it on and shows recovery codes once. */
export async function enrol({ locals, url, request }: RequestEvent) {
	const { user, sessionId } = requireSignedIn(locals, url);
	const parsed = EnrolSchema.safeParse(Object.fromEntries(await request.formData()));
	if (!parsed.success) {
		return fail(400, {
			form: 'tweestap',
			errors: { code: parsed.error.issues[0].message } as Errors
		});
	}
	const counter = acceptedCounter(parsed.data.secret, parsed.data.code, null);
	if (counter === null) {
		return fail(400, {
			form: 'tweestap',
			enrolment: await enrolment(parsed.data.secret, user.email),
			errors: {
				code: 'Deze code klopt niet. Kijk of de klok van je telefoon goed staat en probeer de nieuwste code.'
			} as Errors
		});
	}
	const db = getDb();
	const codes = newRecoveryCodes();
	twoFactor.enable(db, user.id, parsed.data.secret, counter, codes.map(hashRecoveryCode));
	// Whoever was signed in elsewhere with only the password must sign in again, now with a code.
	users.deleteOtherSessions(db, user.id, sessionId);
	audit.record(db, user, 'tweestapsverificatie aangezet', user.email);
	return { form: 'tweestap', recoveryCodes: codes };
}

async function checkedCode(event: RequestEvent) {
	const { user } = requireSignedIn(event.locals, event.url);
	const parsed = CodeSchema.safeParse(Object.fromEntries(await event.request.formData()));
	if (!parsed.success) {
		return {
			failure: fail(400, {
				form: 'code',
				errors: { code: parsed.error.issues[0].message } as Errors
			})
		};
	}
	const check = checkSecondFactor(getDb(), user.id, parsed.data.code, event.getClientAddress());
	if (check.outcome === 'limited') {
		return {
			failure: fail(429, {
				form: 'code',
				errors: { code: `Te veel verkeerde codes. ${tryAgainIn(check.waitMs)}` } as Errors
			})
		};
	}
	if (check.outcome === 'wrong') {
		return {
			failure: fail(400, { form: 'code', errors: { code: 'Deze code klopt niet.' } as Errors })
		};
	}
	return { user };
}

/** Turns it off after a current code; refused for beheerders while the setting requires it. */
export async function disable(event: RequestEvent) {
	const { user } = requireSignedIn(event.locals, event.url);
	if (!mayDisableTotp(user.role, totpRequiredForBeheerders())) {
		return fail(403, {
			form: 'code',
			errors: { code: 'Voor beheerders is inloggen met een code verplicht.' } as Errors
		});
	}
	const checked = await checkedCode(event);
	if (checked.failure) return checked.failure;
	twoFactor.disable(getDb(), user.id);
	audit.record(getDb(), user, 'tweestapsverificatie uitgezet', user.email);
	return { form: 'code', disabled: true };
}

/** New recovery codes after a current code; the old ones stop working. */
export async function renewCodes(event: RequestEvent) {
	const checked = await checkedCode(event);
	if (checked.failure) return checked.failure;
	const db = getDb();
	const stored = twoFactor.secretOf(db, checked.user.id)!;
	const codes = newRecoveryCodes();
	twoFactor.enable(
		db,
		checked.user.id,
		stored.secret,
		stored.lastCounter ?? 0,
		codes.map(hashRecoveryCode)
	);
	audit.record(db, checked.user, 'nieuwe herstelcodes gemaakt', checked.user.email);
	return { form: 'tweestap', recoveryCodes: codes };
}
