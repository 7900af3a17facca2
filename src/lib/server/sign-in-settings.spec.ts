import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkSignInSettings, localPasswordsOn, oidcSettings } from './sign-in-settings';

// The settings as the app reads them ($env/dynamic/private), changed per test.
const env = vi.hoisted(() => ({}) as Record<string, string | undefined>);
vi.mock('$env/dynamic/private', () => ({ env }));

function set(values: Record<string, string>) {
	Object.assign(env, values);
}

describe('sign-in settings', () => {
	afterEach(() => {
		for (const name of Object.keys(env)) delete env[name];
	});

	it('keeps passwords on and refuses to start when they are switched off without a provider', () => {
		set({ LOCAL_PASSWORDS: 'false' });
		expect(oidcSettings()).toBeNull();
		expect(localPasswordsOn()).toBe(true);
		expect(() => checkSignInSettings()).toThrow(/LOCAL_PASSWORDS=false/);
	});

	it('switches passwords off only together with a provider', () => {
		set({
			LOCAL_PASSWORDS: 'false',
			OIDC_ISSUER: 'https://sso.gemeente.example/realms/medewerkers',
			OIDC_CLIENT_ID: 'wijkspiegel'
		});
		expect(localPasswordsOn()).toBe(false);
		expect(() => checkSignInSettings()).not.toThrow();
	});

	it('accepts plain http only for a provider on this machine', () => {
		set({ OIDC_ISSUER: 'http://sso.gemeente.example', OIDC_CLIENT_ID: 'wijkspiegel' });
		expect(() => checkSignInSettings()).toThrow(/https/);
		set({ OIDC_ISSUER: 'http://127.0.0.1:5555' });
		expect(() => checkSignInSettings()).not.toThrow();
	});

	it('stops on a group mapping with a role that does not exist', () => {
		set({
			OIDC_ISSUER: 'https://sso.gemeente.example',
			OIDC_CLIENT_ID: 'wijkspiegel',
			OIDC_GROUP_ROLES: 'wijkspiegel=admin'
		});
		expect(() => checkSignInSettings()).toThrow(/OIDC_GROUP_ROLES/);
	});
});
