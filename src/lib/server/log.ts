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
