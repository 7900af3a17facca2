import { invitationMail, passwordResetMail } from '$lib/domain/mail-content';
import { INVITATION_DAYS } from './auth';
import type { Db } from './db';
import * as users from './db/users';
import { sendMail, type MailSettings, type SendOutcome } from './mail';
import { hashToken, randomToken } from './tokens';

export interface IssuedInvitation {
	/** shown to the beheerder once, to pass on by hand when there is no mail or the mail failed */
	link: string;
	/** null: no SMTP configured, nothing was sent */
	mail: SendOutcome | null;
}

/** A one-time link, valid INVITATION_DAYS; only its hash is stored. */
export function createInvitationLink(db: Db, userId: number, origin: string): string {
	const token = randomToken();
	users.createInvitation(
		db,
		userId,
		hashToken(token),
		new Date(Date.now() + INVITATION_DAYS * 86_400_000)
	);
	return `${origin}/uitnodiging/${token}`;
}

/**
 * Mails an invitation link (a new account) or a link for a new password (an account that has
 * one) when SMTP is configured. The beheerder waits for the answer of the mail server, so a
 * failure is shown at once, with the link to pass on by hand.
 */
export async function mailInvitation(
	settings: MailSettings | null,
	user: { email: string; name: string; active: boolean },
	link: string
): Promise<SendOutcome | null> {
	if (!settings) return null;
	const content = user.active
		? passwordResetMail({ name: user.name, url: link, validFor: `${INVITATION_DAYS} dagen` })
		: invitationMail({ name: user.name, url: link, days: INVITATION_DAYS });
	return sendMail(settings, user.email, content, user.active ? 'nieuw wachtwoord' : 'uitnodiging');
}
