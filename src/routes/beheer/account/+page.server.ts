import { fail } from '@sveltejs/kit';
import { mayDisableTotp, mustEnrolTotp } from '$lib/domain/two-factor-policy';
import { ChangePasswordSchema, parseForm } from '$lib/domain/forms';
import { getDb } from '$lib/server/app';
import { hashPassword } from '$lib/server/auth';
import { checkCurrentPassword, tryAgainIn } from '$lib/server/login-attempts';
import * as twoFactor from '$lib/server/db/two-factor';
import * as users from '$lib/server/db/users';
import { requireSignedIn } from '$lib/server/guard';
import { passwordProblem } from '$lib/server/password-policy';
import { localPasswordsOn, totpRequiredForBeheerders } from '$lib/server/sign-in-settings';
import { newSecret } from '$lib/server/two-factor';
import { disable, enrol, enrolment, renewCodes } from './two-factor-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const signedIn = requireSignedIn(locals, url);
	const db = getDb();
	const hasPassword = Boolean(users.get(db, signedIn.user.id)?.passwordHash);
	// Read here, not from the request's session: right after turning it on, this page shows it on.
	const hasTotp = twoFactor.secretOf(db, signedIn.user.id) !== undefined;
	const required = totpRequiredForBeheerders();
	return {
		hasPassword: hasPassword && localPasswordsOn(),
		viaOrganisation: signedIn.method === 'organisatie',
		hasTotp,
		mustEnrol: mustEnrolTotp({ ...signedIn, hasTotp }, required),
		mayDisable: mayDisableTotp(signedIn.user.role, required),
		recoveryCodesLeft: hasTotp ? twoFactor.unusedRecoveryCodes(db, signedIn.user.id) : 0,
		enrolment: !hasTotp && hasPassword ? await enrolment(newSecret(), signedIn.user.email) : null
	};
};

export const actions: Actions = {
	wachtwoord: async ({ locals, url, request }) => {
		const { user, sessionId } = requireSignedIn(locals, url);
		const parsed = parseForm(ChangePasswordSchema, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'wachtwoord', errors: parsed.errors });
		const weak = passwordProblem(parsed.data.password, [user.email, user.name]);
		if (weak) {
			return fail(400, {
				form: 'wachtwoord',
				errors: { password: weak } as Record<string, string>
			});
		}
		const db = getDb();
		const check = await checkCurrentPassword(db, user.id, parsed.data.current);
		if (check.outcome === 'limited') {
			return fail(429, {
				form: 'wachtwoord',
				errors: {
					current: `Je vulde te vaak een verkeerd wachtwoord in. ${tryAgainIn(check.waitMs)}`
				} as Record<string, string>
			});
		}
		if (check.outcome === 'wrong') {
			return fail(400, {
				form: 'wachtwoord',
				errors: { current: 'Je huidige wachtwoord klopt niet.' } as Record<string, string>
			});
		}
		users.setPassword(db, user.id, await hashPassword(parsed.data.password));
		users.deleteOtherSessions(db, user.id, sessionId);
		return { form: 'wachtwoord', saved: true };
	},
	tweestapAan: enrol,
	tweestapUit: disable,
	herstelcodes: renewCodes
};
