import { getDb } from '$lib/server/app';
import { sessionForCode } from '$lib/server/respondent';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ params, url }) => {
	const { session, questionnaire } = sessionForCode(getDb(), params.code, url);
	return {
		session: {
			joinCode: session.joinCode,
			status: session.status,
			teamName: session.teamName,
			meetrondeName: session.meetrondeName,
			minRespondents: session.minRespondents
		},
		questionnaire
	};
};
