import { overHttps } from './origin';

/**
 * The attributes of every cookie Wijkspiegel sets or deletes: not readable by scripts, not sent
 * along with posts from other sites, and Secure exactly when the request came over https. A Secure
 * cookie set over plain http (a phone on the laptop's Wi-Fi address) is dropped by the browser:
 * the team member could not get past the first page, and each try would count as "begonnen".
 */
export function cookieOptions(locals: App.Locals, path: string, maxAgeSeconds?: number) {
	return {
		path,
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: overHttps(locals),
		...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds })
	};
}
