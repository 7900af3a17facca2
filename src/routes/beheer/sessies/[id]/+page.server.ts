import { fail, redirect } from '@sveltejs/kit';
import { ConfirmNameSchema, MinRespondentsSchema, parseForm } from '$lib/domain/forms';
import { OpenVoteSchema } from '$lib/domain/topic-vote';
import { getDb } from '$lib/server/app';
import * as audit from '$lib/server/db/audit';
import * as results from '$lib/server/db/results';
import * as votes from '$lib/server/db/votes';
import { openVote } from '$lib/server/topic-vote';
import { liveCounts, liveSessionView } from '$lib/server/live-counts';
import * as sessions from '$lib/server/db/sessions';
import { managedSession } from '$lib/server/session-access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) => {
	const db = getDb();
	const view = liveSessionView(db, locals, url, params.id);
	return { ...view, vote: results.voteOutcome(db, view.session.id) };
};

export const actions: Actions = {
	openen: ({ locals, url, params }) => {
		const db = getDb();
		const { session } = managedSession(db, locals, url, params.id);
		sessions.open(db, session.id);
		return { done: 'De sessie is open. Teamleden kunnen nu meedoen.' };
	},
	sluiten: async ({ locals, url, params, request }) => {
		const db = getDb();
		const { session } = managedSession(db, locals, url, params.id);
		if (session.status !== 'open') return fail(409, { error: 'Alleen een open sessie kan dicht.' });
		const counts = liveCounts(db, session);
		const confirmed = (await request.formData()).get('bevestigd') === 'ja';
		// Closing while people are still busy ends their questionnaire: the facilitator says so twice.
		if (!confirmed && counts.partial + counts.empty > 0) {
			return fail(409, { confirmClose: counts });
		}
		sessions.close(db, session.id);
		return {
			done: `De sessie is gesloten. ${counts.counted} ${counts.counted === 1 ? 'vragenlijst telt' : 'vragenlijsten tellen'} mee.`
		};
	},
	heropenen: ({ locals, url, params }) => {
		const db = getDb();
		const { session } = managedSession(db, locals, url, params.id);
		if (!sessions.reopen(db, session.id)) {
			return fail(409, {
				error:
					'Deze sessie kan niet meer open: de uitkomsten zijn al getoond. Anders zou te zien zijn wat de laatste teamleden antwoordden. Maak een nieuwe sessie als het team opnieuw wil invullen.'
			});
		}
		return { done: 'De sessie is weer open.' };
	},
	minimum: async ({ locals, url, params, request }) => {
		const db = getDb();
		const { session } = managedSession(db, locals, url, params.id);
		if (session.resultsShownAt) {
			return fail(409, { error: 'Het minimum ligt vast nu de uitkomsten getoond zijn.' });
		}
		const parsed = parseForm(MinRespondentsSchema, await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		// Team members were told the minimum when they started: once open, it may only go up.
		if (session.status !== 'draft' && parsed.data.minRespondents < session.minRespondents) {
			return fail(400, {
				errors: {
					minRespondents: `Teamleden hebben gelezen dat het minimum ${session.minRespondents} is. Je kunt het nu alleen nog hoger maken.`
				},
				values: { minRespondents: String(parsed.data.minRespondents) }
			});
		}
		sessions.setMinRespondents(db, session.id, parsed.data.minRespondents);
		return { done: 'Het minimum is opgeslagen.' };
	},
	stemmingOpenen: async ({ locals, url, params, request }) => {
		const db = getDb();
		const { session } = managedSession(db, locals, url, params.id);
		const parsed = parseForm(OpenVoteSchema, await request.formData());
		if (!parsed.ok)
			return fail(400, { form: 'stemming', errors: parsed.errors, values: parsed.values });
		const opened = openVote(db, session.id, parsed.data.subject, parsed.data.votesEach);
		if (opened === 'niet-getoond') {
			return fail(409, { error: 'Een stemming kan pas als de uitkomsten getoond zijn.' });
		}
		if (opened === 'bestaat-al') {
			return fail(409, { error: 'Deze sessie heeft al een stemming.' });
		}
		redirect(303, `/beheer/sessies/${session.id}#stemming`);
	},
	stemmingSluiten: ({ locals, url, params }) => {
		const db = getDb();
		const { session } = managedSession(db, locals, url, params.id);
		if (!votes.close(db, session.id)) {
			return fail(409, { error: 'Er is geen open stemming om te sluiten.' });
		}
		redirect(303, `/beheer/sessies/${session.id}#stemming`);
	},
	verwijderen: async ({ locals, url, params, request }) => {
		const db = getDb();
		const { session, signedIn } = managedSession(db, locals, url, params.id);
		const parsed = parseForm(ConfirmNameSchema(session.joinCode), await request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
		const { started } = liveCounts(db, session);
		db.transaction((tx) => {
			sessions.remove(tx, session.id);
			audit.record(
				tx,
				signedIn.user,
				'verwijderd',
				`sessie ${session.questionnaireTitle} van ${session.teamName}, ${session.meetrondeName}, met ${started} vragenlijsten`
			);
		});
		redirect(303, `/beheer/teams/${session.teamId}`);
	}
};
