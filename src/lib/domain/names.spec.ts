import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	GemeenteSchema,
	LeerbewegingSchema,
	MeetrondeSchema,
	TeamSchema,
	UserSchema,
	parseForm
} from './forms';
import { INVISIBLE_MESSAGE, normaliseName } from './names';

function form(entries: Record<string, string>): FormData {
	const data = new FormData();
	for (const [key, value] of Object.entries(entries)) data.append(key, value);
	return data;
}

/** Every form with a name field, with the other fields filled in validly. */
const NAME_FORMS = [
	{ schema: GemeenteSchema, rest: {} },
	{ schema: TeamSchema, rest: {} },
	{ schema: LeerbewegingSchema, rest: {} },
	{ schema: MeetrondeSchema, rest: { startsOn: '2026-01-01', endsOn: '2026-02-01' } },
	{ schema: UserSchema, rest: { email: 'a@example.nl', role: 'facilitator' } }
] as const;

function parseName(index: number, value: string) {
	const { schema, rest } = NAME_FORMS[index];
	return parseForm(schema as never, form({ ...rest, name: value }));
}

const INVISIBLE = [
	'\u200b', // zero-width space
	'\u200c',
	'\u200d',
	'\u2060', // word joiner
	'\ufeff',
	'\u00ad', // soft hyphen
	'\u202e', // right-to-left override
	'\u202a',
	'\u2066', // left-to-right isolate
	'\u2069',
	'\u200e',
	'\u200f',
	'\u061c',
	'\u0000',
	'\u0007',
	'\t',
	'\n',
	'\r',
	'\u007f',
	'\u0085',
	'\u2028',
	'\u2029'
];

describe('names in every form', () => {
	it('refuses the probe\'s look-alike "Team Oost B\\u200b" with a Dutch message', () => {
		for (let i = 0; i < NAME_FORMS.length; i++) {
			const result = parseName(i, 'Team Oost B\u200b');
			expect(result.ok).toBe(false);
			if (!result.ok) expect(result.errors.name).toBe(INVISIBLE_MESSAGE);
		}
	});

	it('refuses control, zero-width and bidi characters anywhere in the name', () => {
		fc.assert(
			fc.property(
				fc.nat(NAME_FORMS.length - 1),
				fc.string({ minLength: 1, maxLength: 20 }),
				fc.constantFrom(...INVISIBLE),
				fc.nat(),
				(index, base, bad, at) => {
					const position = at % (base.length + 1);
					const value = 'T' + base.slice(0, position) + bad + base.slice(position) + 'x';
					expect(parseName(index, value).ok).toBe(false);
				}
			)
		);
	});

	it('stores one spelling: NFC, single spaces, no spaces around', () => {
		const result = parseName(0, '  Sant\u0065\u0301  \u00a0 Oost\u3000B ');
		expect(result.ok).toBe(true);
		if (result.ok) expect((result.data as { name: string }).name).toBe('Santé Oost B');
	});

	it('accepts what it stores, and normalising twice changes nothing', () => {
		fc.assert(
			fc.property(
				fc.nat(NAME_FORMS.length - 1),
				fc.string({ unit: 'binary', maxLength: 40 }),
				(index, value) => {
					const result = parseName(index, value);
					if (!result.ok) return;
					const stored = (result.data as { name: string }).name;
					expect(normaliseName(stored)).toBe(stored);
					expect(stored).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]|\s{2}|^\s|\s$/u);
					const again = parseName(index, stored);
					expect(again.ok && (again.data as { name: string }).name).toBe(stored);
				}
			),
			{ numRuns: 150 }
		);
	}, 20_000);
});
