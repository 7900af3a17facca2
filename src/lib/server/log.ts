/**
 * Structured logs: one JSON object a line, for log collectors. Never pass answers, comments,
 * tokens, codes or passwords: callers log route ids (/s/[code]), not paths (/s/K7M2QX).
 */
export function log(
	level: 'info' | 'warn' | 'error',
	message: string,
	fields: Record<string, unknown> = {}
): void {
	if (process.env.LOG_LEVEL === 'silent') return;
	const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
	if (level === 'error') console.error(line);
	else console.log(line);
}

/**
 * One line per request only with LOG_REQUESTS=true: by default `npm start` stays quiet, so the
 * one-time beheerder password and the addresses stay in view instead of scrolling away.
 */
export function requestLoggingOn(env: Record<string, string | undefined> = process.env): boolean {
	return env.LOG_REQUESTS === 'true' && env.LOG_LEVEL !== 'silent';
}
