/**
 * Who may sign in with an organisation account (OpenID Connect). Pure rules: the provider says who
 * someone is; Wijkspiegel alone decides what they may do here.
 */

export const SIGN_IN_METHODS = ['wachtwoord', 'organisatie'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

export const ROLES = ['beheerder', 'facilitator', 'gemeente-viewer'] as const;
export type OrganisationRole = (typeof ROLES)[number];

/**
 * OIDC_GROUP_ROLES: "group=role" pairs separated by ";" (not ",": LDAP group names hold commas), e.g.
 * "wijkspiegel-beheer=beheerder; wijkspiegel-begeleiders=facilitator". Throws on a role that does
 * not exist, so a typo stops the app at start instead of silently granting nothing (or too much).
 */
export function parseGroupRoles(value: string | undefined): Map<string, OrganisationRole> {
	const map = new Map<string, OrganisationRole>();
	for (const pair of (value ?? '').split(';')) {
		if (pair.trim() === '') continue;
		const at = pair.lastIndexOf('=');
		const group = pair.slice(0, Math.max(at, 0)).trim();
		const role = pair.slice(at + 1).trim();
		if (at <= 0 || group === '' || !(ROLES as readonly string[]).includes(role)) {
			throw new Error(
				`OIDC_GROUP_ROLES: "${pair.trim()}" is geen groep=rol (rollen: ${ROLES.join(', ')})`
			);
		}
		map.set(group, role as OrganisationRole);
	}
	return map;
}

const RANK: Record<OrganisationRole, number> = {
	'gemeente-viewer': 1,
	facilitator: 2,
	beheerder: 3
};

/**
 * The role the groups claim maps to; with several matching groups the widest role. Undefined when
 * no group matches. A claim that is not a list of strings (or one string) maps to nothing.
 */
export function roleFromGroups(
	groups: unknown,
	mapping: ReadonlyMap<string, OrganisationRole>
): OrganisationRole | undefined {
	const list = typeof groups === 'string' ? [groups] : Array.isArray(groups) ? groups : [];
	let best: OrganisationRole | undefined;
	for (const group of list) {
		if (typeof group !== 'string') continue;
		const role = mapping.get(group);
		if (role && (!best || RANK[role] > RANK[best])) best = role;
	}
	return best;
}

/** What the provider told us, after the library checked the tokens. */
export interface OrganisationClaims {
	issuer: string;
	sub: string;
	email?: unknown;
	emailVerified?: unknown;
	name?: unknown;
	groups?: unknown;
}

/** The accounts Wijkspiegel already has that could belong to this person. */
export interface KnownAccounts {
	/** the account already linked to this issuer and subject */
	bySubject?: { id: number };
	/** the account with the same e-mail address, with its link (if any) */
	byEmail?: { id: number; oidcSubject: string | null };
}

export interface Policy {
	groupRoles: ReadonlyMap<string, OrganisationRole>;
	/** OIDC_CREATE_ACCOUNTS: may a mapped group create an account that does not exist yet */
	createAccounts: boolean;
	/**
	 * OIDC_TRUST_EMAIL: an e-mail claim without email_verified counts as verified. Entra ID sends
	 * no email_verified; there the organisation manages its staff's addresses. An explicit false
	 * is never trusted.
	 */
	trustEmail?: boolean;
}

export type SignInDecision =
	| { kind: 'existing'; userId: number }
	| { kind: 'link'; userId: number; subject: string }
	| { kind: 'create'; subject: string; email: string; name: string; role: OrganisationRole }
	| { kind: 'refused'; reason: RefusalReason };

export type RefusalReason =
	'no-verified-email' | 'unknown' | 'linked-to-other' | 'no-group' | 'bad-claims';

/** The stable key of an organisation account: the same sub at another issuer is someone else. */
export function subjectKey(issuer: string, sub: string): string {
	return `${issuer}#${sub}`;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * Decides an organisation sign-in:
 * - an account already linked to this subject signs in;
 * - otherwise an account with the same, verified e-mail address is linked (first sign-in), unless
 *   it is linked to another organisation account already;
 * - otherwise, only when the setting allows it and a group maps to a role, a new account is made;
 * - everyone else is refused: an account at the provider alone gives no access.
 */
export function decideSignIn(
	claims: OrganisationClaims,
	known: KnownAccounts,
	policy: Policy
): SignInDecision {
	if (typeof claims.sub !== 'string' || claims.sub === '') {
		return { kind: 'refused', reason: 'bad-claims' };
	}
	const subject = subjectKey(claims.issuer, claims.sub);
	if (known.bySubject) return { kind: 'existing', userId: known.bySubject.id };
	// Unverified addresses are refused: anyone can type someone else's address at some providers.
	const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
	const verified =
		claims.emailVerified === true ||
		(policy.trustEmail === true && claims.emailVerified === undefined);
	if (!verified || !EMAIL.test(email)) {
		return { kind: 'refused', reason: 'no-verified-email' };
	}
	if (known.byEmail) {
		if (known.byEmail.oidcSubject !== null && known.byEmail.oidcSubject !== subject) {
			return { kind: 'refused', reason: 'linked-to-other' };
		}
		return { kind: 'link', userId: known.byEmail.id, subject };
	}
	if (!policy.createAccounts) return { kind: 'refused', reason: 'unknown' };
	const role = roleFromGroups(claims.groups, policy.groupRoles);
	if (!role) return { kind: 'refused', reason: 'no-group' };
	const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email;
	return { kind: 'create', subject, email, name: name.slice(0, 100), role };
}

/** The Dutch explanation on the refusal page (B1, je). */
export const REFUSAL_MESSAGES: Record<RefusalReason, string> = {
	'no-verified-email':
		'Je organisatie gaf geen bevestigd e-mailadres door. Daardoor weten we niet wie je bent. Vraag je ICT-afdeling om het e-mailadres mee te sturen.',
	unknown:
		'Je hebt nog geen account in Wijkspiegel. Vraag een beheerder van Wijkspiegel om je uit te nodigen met dit e-mailadres. Daarna kun je inloggen met je organisatie-account.',
	'linked-to-other':
		'Het account met dit e-mailadres is al gekoppeld aan een ander organisatie-account. Vraag een beheerder van Wijkspiegel om hulp.',
	'no-group':
		'Je hebt nog geen account in Wijkspiegel, en je zit niet in een groep die toegang geeft. Vraag een beheerder van Wijkspiegel om je uit te nodigen.',
	'bad-claims':
		'Je organisatie stuurde onvolledige gegevens. Probeer het opnieuw of vraag je ICT-afdeling om hulp.'
};
