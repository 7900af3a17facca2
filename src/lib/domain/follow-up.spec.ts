import { describe, expect, it } from 'vitest';
import { parseForm } from './forms';
import { followUpSummary, followUpText, FollowUpSchema } from './follow-up';

function form(fields: Record<string, string>) {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.append(k, v);
	return parseForm(FollowUpSchema, data);
}

describe('a follow-up form', () => {
	it('takes an action, whether it was done and whether it helped', () => {
		expect(form({ actionId: '7', done: 'deels', helped: 'weet-nog-niet' })).toEqual({
			ok: true,
			data: { actionId: 7, done: 'deels', helped: 'weet-nog-niet' }
		});
	});

	it('refuses a missing or unknown choice in Dutch', () => {
		expect(form({ actionId: '7', done: '', helped: 'ja' })).toMatchObject({
			ok: false,
			errors: { done: 'Kies of de actie gedaan is.' }
		});
		expect(form({ actionId: '7', done: 'gedaan', helped: 'misschien' })).toMatchObject({
			ok: false,
			errors: { helped: 'Kies of de actie geholpen heeft.' }
		});
	});
});

describe('a follow-up in words', () => {
	it('says what was recorded, or that it was not discussed yet', () => {
		expect(followUpText({ done: 'gedaan', helped: 'ja' })).toBe('Gedaan; geholpen: ja');
		expect(followUpText({ done: 'niet', helped: 'weet-nog-niet' })).toBe(
			'Niet; geholpen: weet nog niet'
		);
		expect(followUpText(null)).toBe('Nog niet besproken');
	});

	it('sums up a round', () => {
		expect(
			followUpSummary([{ done: 'gedaan', helped: 'ja' }, { done: 'deels', helped: 'nee' }, null])
		).toBe(
			'Van de 3 verbeteracties: 1 gedaan, 1 deels, 0 niet en 1 nog niet besproken. 1 heeft volgens het team geholpen.'
		);
		expect(followUpSummary([{ done: 'niet', helped: 'nee' }])).toBe(
			'Van de ene verbeteractie: 0 gedaan, 0 deels en 1 niet. 0 hebben volgens het team geholpen.'
		);
		expect(followUpSummary([null, null])).toBe('Van de 2 verbeteracties is er nog geen besproken.');
		expect(followUpSummary([])).toBe('De vorige ronde had geen verbeteracties.');
	});
});
