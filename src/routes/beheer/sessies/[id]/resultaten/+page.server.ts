import { fail, redirect } from '@sveltejs/kit';
import {
	ActionEditSchema,
	ActionIdSchema,
	ActionSchema,
	ActionStatusSchema,
	CommentReviewSchema,
	ConclusionSchema,
	parseForm
} from '$lib/domain/forms';
import { getDb } from '$lib/server/app';
import * as conversation from '$lib/server/db/conversation';
import * as followUps from '$lib/server/db/follow-ups';
import { FollowUpSchema } from '$lib/domain/follow-up';
import * as questionnaireVersions from '$lib/server/db/questionnaire-versions';
import * as results from '$lib/server/db/results';
import { agendaOrder, agendaOrders } from '$lib/domain/agenda';
import { buildSessionResults } from '$lib/server/session-results';
import { managedSession, viewableSession, visiblePreviousOf } from '$lib/server/session-access';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) => {
	const db = getDb();
	const { session, canManage, canReadComments, signedIn } = viewableSession(
		db,
		locals,
		url,
		params.id
	);
	const questionnaire = questionnaireVersions.definition(db, session.questionnaireVersionId)!;
	const order = agendaOrder(url.searchParams.get('sorteer'), questionnaire.gewenst);
	const previous = visiblePreviousOf(db, signedIn.actor, session);
	return {
		session,
		questionnaire,
		canManage,
		order,
		orders: agendaOrders(questionnaire.gewenst),
		results: buildSessionResults(db, session.id, questionnaire, {
			includeComments: canReadComments,
			order
		}),
		// Which dimensions' comments the beamer may show (presentatie); only those who run it see this.
		beamerReviewed: canManage ? [...results.reviewedDimensions(db, session.id)] : [],
		vote: closedVote(results.voteOutcome(db, session.id)),
		conclusions: Object.fromEntries(conversation.conclusionsOf(db, session.id)),
		actions: conversation.actionsOf(db, session.id),
		previous: previous
			? {
					...previous,
					actions: followUps.withFollowUps(db, session.id, conversation.actionsOf(db, previous.id))
				}
			: null
	};
};

/** The conversation's outcome is recorded by whoever runs the session, never by viewers. */
export const actions: Actions = {
	// The explicit act of showing the results; from now on the session cannot be reopened.
	tonen: ({ locals, url, params }) => {
		const db = getDb();
		const { session } = managedSession(db, locals, url, params.id);
		if (!results.release(db, session.id)) {
			return fail(409, {
				form: 'tonen',
				errors: { release: 'Deze uitkomsten kunnen niet getoond worden.' },
				values: {}
			});
		}
		redirect(303, `/beheer/sessies/${session.id}/resultaten`);
	},
	verbergen: async ({ locals, url, params, request }) => {
		const db = getDb();
		const { session } = managedSession(db, locals, url, params.id);
		const handle = String((await request.formData()).get('opmerking') ?? '').slice(0, 100);
		if (!results.hideComment(db, session.id, handle)) {
			return fail(400, {
				form: 'verbergen',
				errors: {
					opmerking:
						'Deze opmerking is niet gevonden. Laad de pagina opnieuw en probeer het nog eens.'
				},
				values: {}
			});
		}
		return { form: 'verbergen', saved: true };
	},
	terugzetten: ({ locals, url, params }) => {
		const db = getDb();
		const { session } = managedSession(db, locals, url, params.id);
		results.showHiddenComments(db, session.id);
		return { form: 'terugzetten', saved: true };
	},
	beamer: async ({ locals, url, params, request }) => {
		const db = getDb();
		const { session } = managedSession(db, locals, url, params.id);
		const parsed = parseForm(CommentReviewSchema, await request.formData());
		if (
			!parsed.ok ||
			!dimensionExists(session.questionnaireVersionId, parsed.data.dimensionId) ||
			!results.setCommentsReviewed(
				db,
				session.id,
				parsed.data.dimensionId,
				parsed.data.reviewed === 'ja'
			)
		) {
			return fail(400, {
				form: 'beamer',
				errors: { opmerking: 'Dit kon niet. Laad de pagina opnieuw en probeer het nog eens.' },
				values: {}
			});
		}
		backTo(url, `opmerkingen-${parsed.data.dimensionId}`);
	},
	conclusie: async ({ locals, url, params, request }) => {
		const db = getDb();
		const { session } = managedSession(db, locals, url, params.id);
		const parsed = parseForm(ConclusionSchema, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'conclusie', ...parsed });
		if (!dimensionExists(session.questionnaireVersionId, parsed.data.dimensionId)) {
			return fail(400, {
				form: 'conclusie',
				errors: { dimensionId: 'Dit onderwerp hoort niet bij de vragenlijst.' },
				values: {}
			});
		}
		conversation.saveConclusion(
			db,
			session.id,
			parsed.data.dimensionId,
			parsed.data.goesWell,
			parsed.data.canImprove
		);
		backTo(url, `conclusie-${parsed.data.dimensionId}`);
	},
	actie: async ({ locals, url, params, request }) => {
		const db = getDb();
		const { session } = managedSession(db, locals, url, params.id);
		const parsed = parseForm(ActionSchema, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'actie', ...parsed });
		if (!dimensionExists(session.questionnaireVersionId, parsed.data.dimensionId)) {
			return fail(400, {
				form: 'actie',
				errors: { dimensionId: 'Kies een onderwerp uit de lijst.' },
				values: parsed.data
			});
		}
		backTo(url, `actie-${conversation.addAction(db, session.id, parsed.data)}`);
	},
	status: async ({ locals, url, params, request }) => {
		const db = getDb();
		const { session } = managedSession(db, locals, url, params.id);
		const parsed = parseForm(ActionStatusSchema, await request.formData());
		if (
			!parsed.ok ||
			!conversation.setActionStatus(db, session.id, parsed.data.actionId, parsed.data.status)
		) {
			return fail(400, {
				form: 'status',
				errors: { status: 'Deze verbeteractie hoort niet bij deze sessie.' },
				values: {}
			});
		}
		backTo(url, `actie-${parsed.data.actionId}`);
	},
	wijzigen: async ({ locals, url, params, request }) => {
		const db = getDb();
		const { session } = managedSession(db, locals, url, params.id);
		const parsed = parseForm(ActionEditSchema, await request.formData());
		if (!parsed.ok) return fail(400, { form: 'wijzigen', ...parsed });
		const { actionId, ...changes } = parsed.data;
		if (!dimensionExists(session.questionnaireVersionId, changes.dimensionId)) {
			return fail(400, {
				form: 'wijzigen',
				errors: { dimensionId: 'Kies een onderwerp uit de lijst.' },
				values: parsed.data
			});
		}
		if (!conversation.updateAction(db, session.id, actionId, changes)) {
			return fail(400, {
				form: 'wijzigen',
				errors: { actionId: 'Deze verbeteractie hoort niet bij deze sessie.' },
				values: parsed.data
			});
		}
		backTo(url, `actie-${actionId}`);
	},
	verwijderen: async ({ locals, url, params, request }) => {
		const db = getDb();
		const { session } = managedSession(db, locals, url, params.id);
		const parsed = parseForm(ActionIdSchema, await request.formData());
		if (!parsed.ok || !conversation.deleteAction(db, session.id, parsed.data.actionId)) {
			return fail(400, {
				form: 'verwijderen',
				errors: { actionId: 'Deze verbeteractie hoort niet bij deze sessie.' },
				values: {}
			});
		}
		backTo(url, 'verbeteracties', 'verwijderd');
	},
	// Looking back: was last round's action done, and did it help? Recorded in this session.
	opvolging: async ({ locals, url, params, request }) => {
		const db = getDb();
		const { session, signedIn } = managedSession(db, locals, url, params.id);
		const parsed = parseForm(FollowUpSchema, await request.formData());
		const actionId = parsed.ok ? parsed.data.actionId : Number(parsed.values.actionId);
		if (!parsed.ok) return fail(400, { form: 'opvolging', actionId, ...parsed });
		const previous = visiblePreviousOf(db, signedIn.actor, session);
		const allowed =
			previous && conversation.actionsOf(db, previous.id).some((a) => a.id === actionId);
		if (!allowed) {
			return fail(400, {
				form: 'opvolging',
				actionId,
				errors: { actionId: 'Deze verbeteractie hoort niet bij de vorige sessie van dit team.' },
				values: {}
			});
		}
		const { done, helped } = parsed.data;
		followUps.save(db, session.id, actionId, { done, helped });
		backTo(url, `vorige-actie-${actionId}`);
	},
	overnemen: async ({ locals, url, params, request }) => {
		const db = getDb();
		const { session, signedIn } = managedSession(db, locals, url, params.id);
		const actionId = Number((await request.formData()).get('actionId'));
		const previous = visiblePreviousOf(db, signedIn.actor, session);
		const allowed =
			previous && conversation.actionsOf(db, previous.id).some((a) => a.id === actionId);
		if (!allowed) {
			return fail(400, {
				form: 'overnemen',
				errors: { actionId: 'Deze verbeteractie hoort niet bij de vorige sessie van dit team.' },
				values: {}
			});
		}
		conversation.carryOver(db, session.id, actionId);
		backTo(url, `vorige-actie-${actionId}`);
	}
};

/**
 * After saving, back to the item just saved instead of the top of a long page: the browser
 * scrolls to the anchor (without JavaScript), and `opgeslagen` says where to show "Opgeslagen."
 * With JavaScript, keepPlace (src/lib/keep-place.ts) follows this without scrolling at all.
 */
function backTo(url: URL, anchor: string, done: 'opgeslagen' | 'verwijderd' = 'opgeslagen'): never {
	redirect(303, `${url.pathname}?${done}=${anchor}#${anchor}`);
}

/** Only a closed vote's outcome belongs on the results page and on paper. */
function closedVote(vote: results.VoteOutcome) {
	if (vote.state !== 'gesloten') return null;
	const { voters, minRespondents, tallied } = vote;
	return { voters, minRespondents, tallied };
}

function dimensionExists(versionId: number, dimensionId: string): boolean {
	const questionnaire = questionnaireVersions.definition(getDb(), versionId);
	return questionnaire?.dimensions.some((d) => d.id === dimensionId) ?? false;
}
