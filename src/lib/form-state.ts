/**
 * Pages with several forms return `{ form: 'name', errors, values }` from a failed action:
 * these read back the errors and the typed values of one form, and nothing for the others.
 */
type ActionResult = { form?: string; errors?: unknown; values?: unknown } | null | undefined;

export function formErrors(result: ActionResult, which: string): Record<string, string> {
	return result?.form === which && result.errors ? (result.errors as Record<string, string>) : {};
}

export function formValues(
	result: ActionResult,
	which: string
): Record<string, string> | undefined {
	return result?.form === which && result.values
		? (result.values as Record<string, string>)
		: undefined;
}
