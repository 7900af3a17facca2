import { describe, expect, it } from 'vitest';
import { GemeenteSchema, parseForm } from './forms';

function formData(entries: [string, string][]) {
	const form = new FormData();
	for (const [key, value] of entries) form.append(key, value);
	return form;
}

describe('parseForm', () => {
	it('refuses a field named __proto__ with a message the page can be sent', () => {
		const result = parseForm(
			GemeenteSchema,
			formData([
				['name', 'Proefstad'],
				['__proto__', '0']
			])
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		// SvelteKit's serialiser throws on an own "__proto__" key: that was a 500.
		expect(Object.keys(result.errors)).not.toContain('__proto__');
		expect(Object.keys(result.values)).not.toContain('__proto__');
		expect(result.errors.formulier).toBe('Dit veld kennen we niet.');
		expect(result.values.name).toBe('Proefstad');
	});

	it('never sends passwords back', () => {
		const result = parseForm(GemeenteSchema, formData([['password', 'geheim']]));
		expect(result.ok).toBe(false);
		if (!result.ok) expect(Object.keys(result.values)).not.toContain('password');
	});
});
