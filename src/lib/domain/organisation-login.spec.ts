import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	decideSignIn,
	parseGroupRoles,
	roleFromGroups,
	subjectKey,
	type OrganisationClaims,
	type Policy
} from './organisation-login';

const ISSUER = 'https://login.gemeente.example';
const claims = (extra: Partial<OrganisationClaims> = {}): OrganisationClaims => ({
	issuer: ISSUER,
	sub: 'abc-123',
	email: 'Anna@Gemeente.example',
	emailVerified: true,
	name: 'Anna de Vries',
	groups: ['wijkspiegel-begeleiders'],
	...extra
});
const strict: Policy = { groupRoles: new Map(), createAccounts: false };
const mapping = parseGroupRoles(
	'wijkspiegel-beheer=beheerder; wijkspiegel-begeleiders=facilitator'
);
const open: Policy = { groupRoles: mapping, createAccounts: true };

describe('parseGroupRoles', () => {
	it('reads group=role pairs separated by semicolons', () => {
		expect([...parseGroupRoles('a=beheerder; b=gemeente-viewer;c=facilitator;')]).toEqual([
			['a', 'beheerder'],
			['b', 'gemeente-viewer'],
			['c', 'facilitator']
		]);
		expect(parseGroupRoles(undefined).size).toBe(0);
		expect(parseGroupRoles('').size).toBe(0);
	});

	it('keeps "=" and "," inside a group name (LDAP names hold both)', () => {
		expect(parseGroupRoles('cn=wijkspiegel,ou=groepen=facilitator')).toEqual(
			new Map([['cn=wijkspiegel,ou=groepen', 'facilitator']])
		);
	});

	it('stops on a role that does not exist instead of granting nothing or too much', () => {
		expect(() => parseGroupRoles('wijkspiegel=admin')).toThrow(/OIDC_GROUP_ROLES/);
		expect(() => parseGroupRoles('=beheerder')).toThrow(/OIDC_GROUP_ROLES/);
		expect(() => parseGroupRoles('alleen-een-groep')).toThrow(/OIDC_GROUP_ROLES/);
	});
});

describe('roleFromGroups', () => {
	it('takes the widest role when several groups match', () => {
		expect(roleFromGroups(['wijkspiegel-begeleiders', 'wijkspiegel-beheer'], mapping)).toBe(
			'beheerder'
		);
		expect(roleFromGroups('wijkspiegel-begeleiders', mapping)).toBe('facilitator');
	});

	it('maps nothing for unknown groups or a claim that is not a list of names', () => {
		expect(roleFromGroups(['iedereen'], mapping)).toBeUndefined();
		expect(roleFromGroups(undefined, mapping)).toBeUndefined();
		expect(roleFromGroups({ 'wijkspiegel-beheer': true }, mapping)).toBeUndefined();
		expect(roleFromGroups([42, null], mapping)).toBeUndefined();
	});
});

describe('decideSignIn', () => {
	it('signs in the account already linked to this organisation account', () => {
		expect(decideSignIn(claims({ email: undefined }), { bySubject: { id: 7 } }, strict)).toEqual({
			kind: 'existing',
			userId: 7
		});
	});

	it('links an invited account by its verified e-mail address on first sign-in', () => {
		expect(decideSignIn(claims(), { byEmail: { id: 3, oidcSubject: null } }, strict)).toEqual({
			kind: 'link',
			userId: 3,
			subject: subjectKey(ISSUER, 'abc-123')
		});
	});

	it('refuses an address the provider did not verify, even when an account has it', () => {
		for (const emailVerified of [false, undefined, 'true']) {
			expect(
				decideSignIn(claims({ emailVerified }), { byEmail: { id: 3, oidcSubject: null } }, open)
			).toEqual({ kind: 'refused', reason: 'no-verified-email' });
		}
	});

	it('trusts an address without email_verified only when the setting says so, never an explicit false', () => {
		const known = { byEmail: { id: 3, oidcSubject: null } };
		const trusting = { ...strict, trustEmail: true };
		expect(decideSignIn(claims({ emailVerified: undefined }), known, strict).kind).toBe('refused');
		expect(decideSignIn(claims({ emailVerified: undefined }), known, trusting).kind).toBe('link');
		expect(decideSignIn(claims({ emailVerified: false }), known, trusting).kind).toBe('refused');
	});

	it('refuses an account that is linked to another organisation account', () => {
		expect(
			decideSignIn(claims(), { byEmail: { id: 3, oidcSubject: `${ISSUER}#someone-else` } }, open)
		).toEqual({ kind: 'refused', reason: 'linked-to-other' });
	});

	it('refuses someone unknown when accounts may not be made from groups', () => {
		expect(decideSignIn(claims(), {}, { ...open, createAccounts: false })).toEqual({
			kind: 'refused',
			reason: 'unknown'
		});
	});

	it('makes an account with the mapped role only when the setting allows it', () => {
		expect(decideSignIn(claims(), {}, open)).toEqual({
			kind: 'create',
			subject: subjectKey(ISSUER, 'abc-123'),
			email: 'anna@gemeente.example',
			name: 'Anna de Vries',
			role: 'facilitator'
		});
		expect(decideSignIn(claims({ groups: ['iedereen'] }), {}, open)).toEqual({
			kind: 'refused',
			reason: 'no-group'
		});
	});

	it('never grants access to an unknown person without a mapped group, whatever the claims', () => {
		fc.assert(
			fc.property(
				fc.record({
					sub: fc.string(),
					email: fc.oneof(fc.emailAddress(), fc.string(), fc.constant(undefined)),
					emailVerified: fc.oneof(fc.boolean(), fc.constant(undefined)),
					groups: fc.oneof(fc.array(fc.string()), fc.string(), fc.constant(undefined))
				}),
				fc.boolean(),
				(c, createAccounts) => {
					const decision = decideSignIn(
						{ issuer: ISSUER, ...c },
						{},
						{ groupRoles: mapping, createAccounts }
					);
					if (decision.kind === 'create') {
						expect(createAccounts).toBe(true);
						expect(c.emailVerified).toBe(true);
						expect(roleFromGroups(c.groups, mapping)).toBe(decision.role);
					} else {
						expect(decision.kind).toBe('refused');
					}
				}
			)
		);
	});
});
