import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as conversation from '$lib/server/db/conversation';
import * as gemeenten from '$lib/server/db/gemeenten';
import * as meetrondes from '$lib/server/db/meetrondes';
import * as questionnaireVersions from '$lib/server/db/questionnaire-versions';
import * as sessions from '$lib/server/db/sessions';
import * as teams from '$lib/server/db/teams';
import { ActionEditSchema, parseForm } from '$lib/domain/forms';
import { databaseWithQuestionnaires } from './helpers';

let temp: ReturnType<typeof databaseWithQuestionnaires>;
let first: number;
let other: number;

function newSession(teamId: number, meetrondeId: number, questionnaireVersionId: number) {
	return sessions.create(temp.db, { teamId, meetrondeId, questionnaireVersionId }).id;
}

beforeEach(() => {
	temp = databaseWithQuestionnaires();
	const gemeenteId = gemeenten.create(temp.db, 'Proefstad');
	const team = (name: string) =>
		teams.create(temp.db, {
			gemeenteId,
			name,
			tasks: [],
			composition: null,
			legalForm: null,
			targetGroup: null
		});
	const round = meetrondes.create(temp.db, {
		name: 'Ronde',
		startsOn: '2026-01-01',
		endsOn: '2026-02-01',
		gemeenteId
	});
	const version = questionnaireVersions.find(temp.db, 'takenprofiel', 1)!.id;
	first = newSession(team('Noord'), round, version);
	other = newSession(team('Zuid'), round, version);
});
afterEach(() => temp.cleanup());

const spreekuur = {
	dimensionId: 'preventie-signaleren',
	what: 'Spreekuur op school',
	who: 'Sam',
	dueOn: '2026-06-01',
	status: 'bezig' as const
};

describe('editing and deleting verbeteracties', () => {
	it('rewrites topic, text, owner and date, and keeps the status', () => {
		const id = conversation.addAction(temp.db, first, spreekuur);
		const changed = conversation.updateAction(temp.db, first, id, {
			dimensionId: 'ambulante-hulp',
			what: 'Spreekuur op twee scholen',
			who: '',
			dueOn: null
		});
		expect(changed).toBe(true);
		expect(conversation.actionsOf(temp.db, first)).toMatchObject([
			{
				id,
				dimensionId: 'ambulante-hulp',
				what: 'Spreekuur op twee scholen',
				who: '',
				dueOn: null,
				status: 'bezig'
			}
		]);
	});

	it('never changes or deletes an action of another session', () => {
		const id = conversation.addAction(temp.db, first, spreekuur);
		expect(
			conversation.updateAction(temp.db, other, id, { ...spreekuur, what: 'Overgenomen door Zuid' })
		).toBe(false);
		expect(conversation.deleteAction(temp.db, other, id)).toBe(false);
		expect(conversation.actionsOf(temp.db, first)).toMatchObject([
			{ id, what: 'Spreekuur op school' }
		]);
	});

	it('deletes one action and leaves the others', () => {
		const gone = conversation.addAction(temp.db, first, spreekuur);
		const kept = conversation.addAction(temp.db, first, { ...spreekuur, what: 'Huisbezoek samen' });
		expect(conversation.deleteAction(temp.db, first, gone)).toBe(true);
		expect(conversation.deleteAction(temp.db, first, gone)).toBe(false);
		expect(conversation.actionsOf(temp.db, first).map((a) => a.id)).toEqual([kept]);
	});

	it('keeps a copy carried into a later round when the original is deleted', () => {
		const id = conversation.addAction(temp.db, first, spreekuur);
		conversation.carryOver(temp.db, other, id);
		expect(conversation.deleteAction(temp.db, first, id)).toBe(true);
		expect(conversation.actionsOf(temp.db, other)).toMatchObject([
			{ what: 'Spreekuur op school', carriedFromId: id }
		]);
	});
});

describe('the edit form', () => {
	const form = (fields: Record<string, string>) => {
		const data = new FormData();
		for (const [k, v] of Object.entries(fields)) data.set(k, v);
		return parseForm(ActionEditSchema, data);
	};

	it('accepts a complete edit and gives Dutch messages for a bad one', () => {
		expect(
			form({ actionId: '3', dimensionId: 'x', what: ' Iets ', who: '', dueOn: '' })
		).toMatchObject({ ok: true, data: { actionId: 3, what: 'Iets', dueOn: null } });
		const bad = form({ actionId: '3', dimensionId: 'x', what: '  ', dueOn: '1-6-2026' });
		expect(bad.ok).toBe(false);
		if (!bad.ok) {
			expect(Object.keys(bad.errors).sort()).toEqual(['dueOn', 'what']);
			expect(bad.errors.dueOn).toBe('Vul een datum in als jjjj-mm-dd.');
		}
		expect(form({ actionId: 'x', dimensionId: 'x', what: 'Iets', status: 'klaar' }).ok).toBe(false);
	});
});
