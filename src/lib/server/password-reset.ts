import { passwordResetMail } from '$lib/domain/mail-content';
import type { Db } from './db';
import * as audit from './db/audit';
import * as users from './db/users';
import { log } from './log';
import { sendMail, type MailSettings, type SendOutcome } from './mail';
import { RateLimiter } from './rate-limit';
import { hashToken, randomToken } from './tokens';

/** A reset link is meant to be used at once; an hour covers a slow mailbox. */
export const RESET_MINUTES = 60;

/**
 * Requests are limited per client address (someone trying many addresses) and per e-mail address
 * (someone flooding one person's mailbox). Both count whether the address exists or not, so the
 * limit itself tells nothing about who has an account.
 */
export class ResetLimits {
	constructor(
		readonly perClient = new RateLimiter(10, 15 * 60 * 1000),
		readonly perEmail = new RateLimiter(3, 60 * 60 * 1000)
	) {}
}

export const resetLimits = new ResetLimits();

export type ResetRequest =
	| { outcome: 'limited'; waitMs: number }
	| { outcome: 'accepted'; delivery: Promise<SendOutcome | null> };

/**
 * Handles "wachtwoord vergeten". For a local account with a password it stores the hash of a
 * single-use token that expires after RESET_MINUTES and mails the link. The answer to the visitor
 * is the same whether or not the address exists, and it does not wait for the mail (a slow mail
 * server would otherwise tell who has an account). A failed send is logged (sendMail) and put in
 * the audit log, where the beheerder sees it. `delivery` is for tests: null when nothing was sent.
 */
export function requestPasswordReset(
	db: Db,
	input: { email: string; client: string; origin: string; settings: MailSettings },
	limits = resetLimits
): ResetRequest {
	const email = input.email.toLowerCase();
	const wait = Math.max(
		limits.perClient.retryAfter(input.client),
		limits.perEmail.retryAfter(email)
	);
	if (wait > 0) return { outcome: 'limited', waitMs: wait };
	limits.perClient.fail(input.client);
	limits.perEmail.fail(email);
	const user = users.findByEmail(db, email);
	// Only local accounts that have a password: an invited person uses the invitation.
	if (!user || user.passwordHash === null) {
		return { outcome: 'accepted', delivery: Promise.resolve(null) };
	}
	const token = randomToken();
	users.createInvitation(
		db,
		user.id,
		hashToken(token),
		new Date(Date.now() + RESET_MINUTES * 60_000)
	);
	const content = passwordResetMail({
		name: user.name,
		url: `${input.origin}/uitnodiging/${token}`,
		validFor: `${RESET_MINUTES} minuten`
	});
	const delivery = sendMail(input.settings, user.email, content, 'nieuw wachtwoord').then(
		(outcome) => {
			if (!outcome.sent) {
				// Nobody waits for this promise: a failure here must not become an unhandled rejection.
				try {
					audit.record(
						db,
						'systeem',
						'e-mail niet verstuurd',
						`nieuw wachtwoord voor ${user.email}: ${outcome.reason}`
					);
				} catch (error) {
					log('error', 'audit log not written', { error: String(error) });
				}
			}
			return outcome;
		}
	);
	return { outcome: 'accepted', delivery };
}
