/** No look-alikes: 0/O, 1/I/L are left out, so a code read off a projector is typed right. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;
export const RESUME_CODE_LENGTH = 8;

/** Upper-cases and drops spaces and dashes: "abc-123 " and "ABC123" are the same code. */
export function normalizeCode(input: string): string {
	return input.replace(/[\s-]+/g, '').toUpperCase();
}

/** A code of `length` characters; `randomInt(n)` must return an unbiased integer in [0, n). */
export function randomCode(length: number, randomInt: (n: number) => number): string {
	let code = '';
	for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
	return code;
}

/** Shows a resume code in two groups of four, easier to copy by hand: "ABCD-EFGH". */
export function formatResumeCode(code: string): string {
	return code.length === RESUME_CODE_LENGTH ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/** A shape check only; whether the code exists is for the database to say. */
export function looksLikeJoinCode(code: string): boolean {
	return /^[A-Z0-9]{6}$/.test(code);
}

export function looksLikeResumeCode(code: string): boolean {
	return code.length === RESUME_CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));
}
