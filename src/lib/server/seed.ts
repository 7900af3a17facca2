import { scoredValue, type Questionnaire } from '$lib/domain/questionnaire';
import { randomCode } from '$lib/domain/codes';
import { randomIntFrom, seededRandom } from '$lib/domain/random';
import type { TeamComposition, TeamLegalForm, TeamTask } from '$lib/domain/team-profile';
import type { Db } from './db';
import { writeTransaction } from './db/transaction';
import * as gemeenten from './db/gemeenten';
import * as leerbewegingen from './db/leerbewegingen';
import * as meetrondes from './db/meetrondes';
import * as questionnaireVersions from './db/questionnaire-versions';
import * as responses from './db/responses';
import * as aggregates from './db/aggregates';
import * as sessions from './db/sessions';
import * as teams from './db/teams';

export const DEMO_GEMEENTE = 'Voorbeeldstad';
export const DEMO_JOIN_CODE = 'DEMO26';

interface DemoTeam {
	name: string;
	tasks: TeamTask[];
	composition: TeamComposition;
	legalForm: TeamLegalForm;
	/** mean score (1-5) the team gives itself in the nulmeting */
	level: number;
	/** how far individual members differ from each other */
	spread: number;
	respondents: [number, number];
}

const DEMO_TEAMS: DemoTeam[] = [
	{
		name: 'Wijkteam Noord',
		tasks: ['toegang', 'regie', 'zelf-hulp'],
		composition: 'gemeente',
		legalForm: 'gemeente',
		level: 3.4,
		spread: 0.5,
		respondents: [9, 12]
	},
	{
		name: 'Jeugd- en gezinsteam Centrum',
		tasks: ['toegang', 'zelf-hulp'],
		composition: 'aanbieders',
		legalForm: 'stichting',
		level: 3.0,
		spread: 0.9,
		respondents: [7, 10]
	},
	{
		name: 'Buurtteam Zuid',
		tasks: ['toegang', 'regie'],
		composition: 'gemeente-gedetacheerd',
		legalForm: 'projectorganisatie',
		level: 2.7,
		spread: 0.7,
		respondents: [6, 8]
	}
];

const DEMO_COMMENTS = [
	'We hebben goede korte lijnen met de scholen in de wijk.',
	'Door de wachtlijst lukt het niet altijd om snel te starten.',
	'Casusoverleg helpt, maar we nemen er te weinig tijd voor.',
	'Nieuwe collega’s weten nog niet goed wie wat doet.',
	'We zouden vaker samen met ouders het plan moeten maken.',
	'De samenwerking met het consultatiebureau is het afgelopen jaar beter geworden.'
];

/** Fills an empty database with the demo: deterministic, so every machine shows the same. */
export function seedDemo(db: Db, seed = 2026): void {
	const random = seededRandom(seed);
	const randomInt = randomIntFrom(random);
	// Oldest and newest version per questionnaire (the list is in version order): earlier rounds
	// use the first version and the newest round the latest, so the demo shows a comparison
	// across versions as a gemeente will meet it.
	const oldestVersion = new Map<string, number>();
	const newestVersion = new Map<string, number>();
	for (const v of questionnaireVersions.list(db)) {
		if (!oldestVersion.has(v.questionnaireId)) oldestVersion.set(v.questionnaireId, v.id);
		newestVersion.set(v.questionnaireId, v.id);
	}
	const required = ['basisfuncties', 'stevig-lokaal-team', 'takenprofiel'];
	for (const id of required) {
		if (!newestVersion.has(id))
			throw new Error(`Demo: vragenlijst "${id}" ontbreekt in questionnaires/`);
	}

	writeTransaction(db, (tx) => {
		const gemeenteId = gemeenten.create(tx, DEMO_GEMEENTE);
		const teamIds = DEMO_TEAMS.map((team) =>
			teams.create(tx, {
				gemeenteId,
				name: team.name,
				tasks: team.tasks,
				composition: team.composition,
				legalForm: team.legalForm,
				targetGroup: 'jeugd-gezin'
			})
		);
		const leerbewegingId = leerbewegingen.create(
			tx,
			'Leerbeweging Sterke Wijkteams',
			'Drie teams uit Voorbeeldstad leren van elkaar met de basisfuncties en het stevig lokaal team.'
		);
		for (const teamId of teamIds) leerbewegingen.addTeam(tx, leerbewegingId, teamId);

		const rounds = [
			{ name: 'Nulmeting voorjaar 2026', startsOn: '2026-03-01', endsOn: '2026-04-30', gain: 0 },
			{ name: '1-meting najaar 2026', startsOn: '2026-10-01', endsOn: '2026-11-30', gain: 0.35 }
		].map((round) => ({
			...round,
			id: meetrondes.create(tx, { ...round, gemeenteId })
		}));

		// The two frameworks every round; the takenprofiel too, but in the newest round the first
		// team fills it in now (DEMO26, below), so only the other two have closed sessions there.
		for (const questionnaireId of ['basisfuncties', 'stevig-lokaal-team', 'takenprofiel']) {
			rounds.forEach((round, r) => {
				const isNewestRound = r === rounds.length - 1;
				const versionId = (isNewestRound ? newestVersion : oldestVersion).get(questionnaireId)!;
				const questionnaire = questionnaireVersions.definition(tx, versionId)!;
				DEMO_TEAMS.forEach((team, t) => {
					if (questionnaireId === 'takenprofiel' && r > 0 && t === 0) return;
					const closedAt = new Date(`${round.endsOn}T15:00:00Z`);
					const { id: sessionId } = sessions.create(tx, {
						teamId: teamIds[t],
						meetrondeId: round.id,
						questionnaireVersionId: versionId,
						status: 'closed',
						minRespondents: 5,
						joinCode: randomCode(6, randomInt),
						openedAt: new Date(`${round.startsOn}T13:00:00Z`),
						closedAt,
						// The demo's rounds were discussed with their teams: their results are released.
						resultsShownAt: closedAt
					});
					const [least, most] = team.respondents;
					const count = least + randomInt(most - least + 1);
					for (let n = 0; n < count; n++) {
						addSyntheticResponse(
							tx,
							sessionId,
							questionnaire,
							team,
							round.gain + r * 0.05,
							random,
							closedAt
						);
					}
					aggregates.store(tx, sessionId, closedAt);
				});
			});
		}

		sessions.create(tx, {
			teamId: teamIds[0],
			meetrondeId: rounds[1].id,
			questionnaireVersionId: newestVersion.get('takenprofiel')!,
			status: 'open',
			minRespondents: 5,
			joinCode: DEMO_JOIN_CODE,
			openedAt: new Date('2026-10-01T13:00:00Z')
		});
		// Prepared but not yet opened: what a facilitator has ready for the next meeting.
		sessions.create(tx, {
			teamId: teamIds[1],
			meetrondeId: rounds[1].id,
			questionnaireVersionId: newestVersion.get('takenprofiel')!,
			status: 'draft',
			minRespondents: 5,
			joinCode: randomCode(6, randomInt)
		});
	});
}

/** Whether a demo team does a task: a stable draw per team and task, at the national share. */
function teamDoesTask(team: DemoTeam, item: { id: string; reference?: { percentage: number } }) {
	if (!item.reference) return true;
	let hash = 2166136261; // FNV-1a of team and task
	for (const char of `${team.name}/${item.id}`)
		hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
	return seededRandom(hash)() * 100 < item.reference.percentage;
}

/** Whether a demo team has a task in its assignment that it does not do: a stable draw, 1 in 3. */
function teamHasOnPaper(team: DemoTeam, item: { id: string }) {
	let hash = 374761393; // FNV-1a of team and task, another seed than teamDoesTask
	for (const char of `${team.name}/${item.id}/opdracht`)
		hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
	return seededRandom(hash)() < 0.35;
}

/** One plausible respondent: a team level, a personal tilt, a per-dimension tilt, some noise. */
function addSyntheticResponse(
	db: Db,
	sessionId: number,
	questionnaire: Questionnaire,
	team: DemoTeam,
	gain: number,
	random: () => number,
	submittedAt: Date
): void {
	const { id } = responses.start(db, sessionId, submittedAt);
	const points = questionnaire.scale.points;
	const min = points[0].value;
	const max = points[points.length - 1].value;
	const personal = (random() - 0.5) * 2 * team.spread;
	const answers: responses.AnswerInput[] = [];
	const comments: responses.CommentInput[] = [];
	const desired: responses.DesiredInput[] = [];
	const assignment: responses.AssignmentInput[] = [];
	// Its own random stream, so the practice answers stay as they were before takenprofiel v2.
	const onPaper = seededRandom(id * 197 + 7);
	questionnaire.dimensions.forEach((dimension, d) => {
		// Teams differ per dimension too: each team has its own strong and weak functions.
		const dimensionTilt = Math.sin((d + 1) * (team.level * 3)) * 0.6;
		if (questionnaire.gewenst) {
			// Its own random stream, so the statements' answers stay as they were before "gewenst".
			const wish = seededRandom(id * 131 + d);
			// Where the team wants to be: above where it is, most of all where it is weakest.
			const now = team.level + gain + personal + dimensionTilt;
			const wanted = now + 0.6 + Math.max(0, 3.5 - now) * 0.5 + (wish() - 0.5) * 0.8;
			const value = Math.min(max, Math.max(min, Math.round(wanted)));
			desired.push(
				wish() < 0.04
					? { dimensionId: dimension.id, value: null, dontKnow: true }
					: { dimensionId: dimension.id, value, dontKnow: false }
			);
		}
		for (const item of dimension.items) {
			if (questionnaire.assignment) {
				// Most tasks a team does are in its assignment; some tasks in the assignment it does
				// not get round to (source 002: 52% for signalling and prevention).
				const draw = onPaper();
				const inAssignment = teamDoesTask(team, item) || teamHasOnPaper(team, item);
				assignment.push({
					itemId: item.id,
					answer: draw < 0.08 ? 'weet-niet' : inAssignment !== draw > 0.85 ? 'ja' : 'nee'
				});
			}
			if (questionnaire.scale.dontKnow && random() < 0.05) {
				answers.push({ itemId: item.id, value: null, dontKnow: true, flagged: false });
				continue;
			}
			// Levels are on a five-point scale; other scales (the takenprofiel has three) get the same shape.
			const onFive = team.level + gain + personal + dimensionTilt + (random() - 0.5) * 1.4;
			// A team does a task with about the national share; where it does not, members say so.
			const target = teamDoesTask(team, item)
				? min + ((onFive - 1) * (max - min)) / 4
				: min + (random() < 0.15 ? 1 : 0);
			const score = Math.min(max, Math.max(min, Math.round(target)));
			answers.push({
				itemId: item.id,
				// Reverse-scored statements are phrased negatively: the raw answer is mirrored.
				value: scoredValue(questionnaire.scale, item, score),
				dontKnow: false,
				flagged: random() < 0.08
			});
		}
		if (random() < 0.25) {
			comments.push({
				dimensionId: dimension.id,
				body: DEMO_COMMENTS[Math.floor(random() * DEMO_COMMENTS.length)]
			});
		}
	});
	responses.saveAnswers(db, id, answers, comments, desired, assignment);
	responses.submit(db, id, submittedAt);
}
