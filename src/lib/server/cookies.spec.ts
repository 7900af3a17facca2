import { describe, expect, it } from 'vitest';
import { cookieOptions } from './cookies';

describe('cookieOptions', () => {
	it('makes cookies Secure exactly when the request came over https', () => {
		const locals = (origin: string) => ({ origin }) as App.Locals;
		expect(cookieOptions(locals('https://wijkspiegel.gemeente.nl'), '/').secure).toBe(true);
		// A phone on the laptop's Wi-Fi address would drop a Secure cookie over plain http.
		expect(cookieOptions(locals('http://192.168.1.23:3000'), '/s/K7M2QX', 60).secure).toBe(false);
		expect(cookieOptions(locals('http://localhost:3000'), '/', 60)).toEqual({
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: false,
			maxAge: 60
		});
	});
});
