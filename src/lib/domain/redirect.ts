/** Where to go after logging in: only a path of this app, never another site. */

export const DEFAULT_AFTER_LOGIN = '/beheer';

/**
 * A same-site path, or the default. Browsers treat "//host" and "/\host" as another site, turn
 * backslashes into slashes and drop tabs and line breaks before parsing, so a path with any
 * backslash or control character is refused outright rather than cleaned up.
 */
export function safeNextPath(value: string | null | undefined): string {
	if (!value || value.length > 2000) return DEFAULT_AFTER_LOGIN;
	if (!value.startsWith('/') || value.startsWith('//')) return DEFAULT_AFTER_LOGIN;
	// eslint-disable-next-line no-control-regex
	if (/[\\\u0000-\u001f\u007f]/.test(value)) return DEFAULT_AFTER_LOGIN;
	// Belt and braces: the path must resolve to the same origin it came from.
	const base = 'https://wijkspiegel.invalid';
	try {
		if (new URL(value, base).origin !== base) return DEFAULT_AFTER_LOGIN;
	} catch {
		return DEFAULT_AFTER_LOGIN;
	}
	return value;
}
