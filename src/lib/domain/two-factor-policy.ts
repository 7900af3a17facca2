/** When two-factor sign-in is required. Pure rules, used by the hooks and the account page. */

export interface SessionFacts {
	user: { role: string };
	/** how the session began */
	method: 'wachtwoord' | 'organisatie';
	hasTotp: boolean;
}

/**
 * A beheerder who signed in with a password must set up a code from an app when the setting says
 * so. An organisation sign-in is left alone: multi-factor sign-in is then the organisation's own
 * provider's job, where the IT department sets it for everyone at once.
 */
export function mustEnrolTotp(session: SessionFacts, requiredForBeheerders: boolean): boolean {
	return (
		requiredForBeheerders &&
		session.user.role === 'beheerder' &&
		session.method === 'wachtwoord' &&
		!session.hasTotp
	);
}

/** Turning it off is refused for beheerders while it is required. */
export function mayDisableTotp(role: string, requiredForBeheerders: boolean): boolean {
	return !(requiredForBeheerders && role === 'beheerder');
}
