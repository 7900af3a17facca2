import { sql } from 'drizzle-orm';
import { SIGN_IN_METHODS } from '../../domain/organisation-login';
import {
	check,
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';

const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.$defaultFn(() => new Date());

export const gemeenten = sqliteTable('gemeenten', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	name: text('name').notNull().unique(),
	createdAt: createdAt()
});

/** Team profile fields follow the typology of wijkteams (tasks, composition, legal form). */
export const teams = sqliteTable(
	'teams',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		gemeenteId: integer('gemeente_id')
			.notNull()
			.references(() => gemeenten.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		tasks: text('tasks', { mode: 'json' }).$type<string[]>().notNull().default([]),
		composition: text('composition'),
		legalForm: text('legal_form'),
		targetGroup: text('target_group'),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('teams_gemeente_name').on(t.gemeenteId, t.name)]
);

export const leerbewegingen = sqliteTable('leerbewegingen', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	name: text('name').notNull().unique(),
	description: text('description').notNull().default(''),
	createdAt: createdAt()
});

export const leerbewegingTeams = sqliteTable(
	'leerbeweging_teams',
	{
		leerbewegingId: integer('leerbeweging_id')
			.notNull()
			.references(() => leerbewegingen.id, { onDelete: 'cascade' }),
		teamId: integer('team_id')
			.notNull()
			.references(() => teams.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.leerbewegingId, t.teamId] })]
);

/** A meetronde belongs to exactly one gemeente or one leerbeweging. */
export const meetrondes = sqliteTable(
	'meetrondes',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		name: text('name').notNull(),
		startsOn: text('starts_on').notNull(),
		endsOn: text('ends_on').notNull(),
		gemeenteId: integer('gemeente_id').references(() => gemeenten.id, { onDelete: 'cascade' }),
		leerbewegingId: integer('leerbeweging_id').references(() => leerbewegingen.id, {
			onDelete: 'cascade'
		}),
		createdAt: createdAt()
	},
	(t) => [
		check('meetrondes_one_owner', sql`(${t.gemeenteId} IS NULL) <> (${t.leerbewegingId} IS NULL)`),
		check('meetrondes_period', sql`${t.startsOn} <= ${t.endsOn}`)
	]
);

/** An immutable snapshot of one loaded questionnaire file. */
export const questionnaireVersions = sqliteTable(
	'questionnaire_versions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		questionnaireId: text('questionnaire_id').notNull(),
		version: integer('version').notNull(),
		title: text('title').notNull(),
		contentHash: text('content_hash').notNull(),
		definition: text('definition').notNull(),
		loadedAt: integer('loaded_at', { mode: 'timestamp_ms' })
			.notNull()
			.$defaultFn(() => new Date())
	},
	(t) => [uniqueIndex('questionnaire_versions_id_version').on(t.questionnaireId, t.version)]
);

export const SESSION_STATUSES = ['draft', 'open', 'closed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const sessions = sqliteTable(
	'sessions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		teamId: integer('team_id')
			.notNull()
			.references(() => teams.id, { onDelete: 'cascade' }),
		meetrondeId: integer('meetronde_id')
			.notNull()
			.references(() => meetrondes.id, { onDelete: 'cascade' }),
		questionnaireVersionId: integer('questionnaire_version_id')
			.notNull()
			.references(() => questionnaireVersions.id, { onDelete: 'restrict' }),
		joinCode: text('join_code').notNull().unique(),
		status: text('status', { enum: SESSION_STATUSES }).notNull().default('draft'),
		minRespondents: integer('min_respondents').notNull().default(5),
		openedAt: integer('opened_at', { mode: 'timestamp_ms' }),
		closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
		resultsShownAt: integer('results_shown_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [
		index('sessions_team').on(t.teamId),
		index('sessions_meetronde').on(t.meetrondeId),
		check('sessions_status', sql`${t.status} IN ('draft', 'open', 'closed')`),
		check('sessions_min_respondents', sql`${t.minRespondents} >= 3`)
	]
);

/**
 * The figures of a closed session, computed when it closes (see domain/aggregates.ts). JSON, because
 * they are only ever read whole; `submitted` is the count the anonymity rule is checked against.
 */
export const sessionAggregates = sqliteTable('session_aggregates', {
	sessionId: integer('session_id')
		.primaryKey()
		.references(() => sessions.id, { onDelete: 'cascade' }),
	submitted: integer('submitted').notNull(),
	/** of those, questionnaires with answers that were never sent: closing counted them */
	partial: integer('partial').notNull().default(0),
	dimensions: text('dimensions').notNull(),
	items: text('items').notNull(),
	taskProfile: text('task_profile').notNull(),
	/** per statement [dimension, n, mean, sd]: what a dimension's figure needs (domain/aggregates.ts) */
	itemScores: text('item_scores'),
	computedAt: integer('computed_at', { mode: 'timestamp_ms' })
		.notNull()
		.$defaultFn(() => new Date())
});

/** Anonymous: no name, e-mail or address; only hashes of the secrets that identify it. */
export const responses = sqliteTable(
	'responses',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		sessionId: integer('session_id')
			.notNull()
			.references(() => sessions.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull().unique(),
		resumeCodeHash: text('resume_code_hash').notNull().unique(),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('responses_session').on(t.sessionId)]
);

/** One row per answered statement. A null value with dont_know set is "weet ik niet". */
export const answers = sqliteTable(
	'answers',
	{
		responseId: integer('response_id')
			.notNull()
			.references(() => responses.id, { onDelete: 'cascade' }),
		itemId: text('item_id').notNull(),
		value: integer('value'),
		dontKnow: integer('dont_know', { mode: 'boolean' }).notNull().default(false),
		flagged: integer('flagged', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [
		primaryKey({ columns: [t.responseId, t.itemId] }),
		check('answers_value_or_dont_know', sql`NOT (${t.value} IS NOT NULL AND ${t.dontKnow} = 1)`)
	]
);

/**
 * "Gewenst": per dimension, where a respondent wants the team to be in a year, on the same scale
 * as the statements. Only for questionnaires that declare `gewenst: true`. A null value with
 * dont_know set is "weet ik niet".
 */
export const desiredAnswers = sqliteTable(
	'desired_answers',
	{
		responseId: integer('response_id')
			.notNull()
			.references(() => responses.id, { onDelete: 'cascade' }),
		dimensionId: text('dimension_id').notNull(),
		value: integer('value'),
		dontKnow: integer('dont_know', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [
		primaryKey({ columns: [t.responseId, t.dimensionId] }),
		check('desired_answers_value_or_dont_know', sql`(${t.value} IS NULL) <> (${t.dontKnow} = 0)`)
	]
);

/**
 * Takenprofiel v2: per task, whether this person says it is part of the team's assignment. Kept
 * apart from `answers` (the practice score): a person may answer one and not the other.
 */
export const assignmentAnswers = sqliteTable(
	'assignment_answers',
	{
		responseId: integer('response_id')
			.notNull()
			.references(() => responses.id, { onDelete: 'cascade' }),
		itemId: text('item_id').notNull(),
		answer: text('answer', { enum: ['ja', 'nee', 'weet-niet'] }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.responseId, t.itemId] }),
		check('assignment_answers_answer', sql`${t.answer} IN ('ja', 'nee', 'weet-niet')`)
	]
);

export const comments = sqliteTable(
	'comments',
	{
		responseId: integer('response_id')
			.notNull()
			.references(() => responses.id, { onDelete: 'cascade' }),
		dimensionId: text('dimension_id').notNull(),
		body: text('body').notNull(),
		/** hidden by the facilitator (it names someone, say): then it is shown and exported nowhere */
		hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [primaryKey({ columns: [t.responseId, t.dimensionId] })]
);

/**
 * A dimension whose comments the facilitator has read and let through to the beamer. Only then do
 * they appear in the presenter view; hidden comments never do (see db/results.ts).
 */
export const commentReviews = sqliteTable(
	'comment_reviews',
	{
		sessionId: integer('session_id')
			.notNull()
			.references(() => sessions.id, { onDelete: 'cascade' }),
		dimensionId: text('dimension_id').notNull(),
		reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.dimensionId] })]
);

export const USER_ROLES = ['beheerder', 'facilitator', 'gemeente-viewer'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const users = sqliteTable('users', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	role: text('role', { enum: USER_ROLES }).notNull(),
	passwordHash: text('password_hash'),
	/** issuer and subject of the linked organisation account ("issuer#sub"); set on first sign-in */
	oidcSubject: text('oidc_subject').unique(),
	/** base32 TOTP secret once two-factor sign-in is confirmed; null when it is off */
	totpSecret: text('totp_secret'),
	/** the last accepted TOTP time step: a code is accepted once, never replayed */
	totpLastCounter: integer('totp_last_counter'),
	createdAt: createdAt()
});

/** Single-use recovery codes for two-factor sign-in; only a hash is stored. */
export const recoveryCodes = sqliteTable(
	'recovery_codes',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		codeHash: text('code_hash').notNull().unique(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('recovery_codes_user').on(t.userId)]
);

/** Membership scopes a facilitator or viewer to one gemeente or one leerbeweging. */
export const memberships = sqliteTable(
	'memberships',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		gemeenteId: integer('gemeente_id').references(() => gemeenten.id, { onDelete: 'cascade' }),
		leerbewegingId: integer('leerbeweging_id').references(() => leerbewegingen.id, {
			onDelete: 'cascade'
		})
	},
	(t) => [
		index('memberships_user').on(t.userId),
		check('memberships_one_scope', sql`(${t.gemeenteId} IS NULL) <> (${t.leerbewegingId} IS NULL)`)
	]
);

/** Login sessions: the id is a hash of the cookie's token, so a leaked database grants nothing. */
export const userSessions = sqliteTable(
	'user_sessions',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		/** how the session began: logout also ends an organisation sign-in at the provider */
		method: text('method', { enum: SIGN_IN_METHODS }).notNull().default('wachtwoord')
	},
	(t) => [index('user_sessions_user').on(t.userId)]
);

/** One-time invitation links for new accounts; only the hash is stored. */
export const invitations = sqliteTable(
	'invitations',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull().unique(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('invitations_user').on(t.userId)]
);

/** What the team concluded per dimension in the conversation about the results. */
export const conclusions = sqliteTable(
	'conclusions',
	{
		sessionId: integer('session_id')
			.notNull()
			.references(() => sessions.id, { onDelete: 'cascade' }),
		dimensionId: text('dimension_id').notNull(),
		goesWell: text('goes_well').notNull().default(''),
		canImprove: text('can_improve').notNull().default(''),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
			.notNull()
			.$defaultFn(() => new Date())
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.dimensionId] })]
);

export const ACTION_STATUSES = ['open', 'bezig', 'klaar'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Verbeteracties: what, who, by when, status. Carried over to the team's next session. */
export const improvementActions = sqliteTable(
	'improvement_actions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		sessionId: integer('session_id')
			.notNull()
			.references(() => sessions.id, { onDelete: 'cascade' }),
		dimensionId: text('dimension_id').notNull(),
		what: text('what').notNull(),
		who: text('who').notNull().default(''),
		dueOn: text('due_on'),
		status: text('status', { enum: ACTION_STATUSES }).notNull().default('open'),
		carriedFromId: integer('carried_from_id'),
		createdAt: createdAt()
	},
	(t) => [
		index('improvement_actions_session').on(t.sessionId),
		check('improvement_actions_status', sql`${t.status} IN ('open', 'bezig', 'klaar')`)
	]
);

export const FOLLOW_UP_DONE = ['gedaan', 'deels', 'niet'] as const;
export type FollowUpDone = (typeof FOLLOW_UP_DONE)[number];
export const FOLLOW_UP_HELPED = ['ja', 'nee', 'weet-nog-niet'] as const;
export type FollowUpHelped = (typeof FOLLOW_UP_HELPED)[number];

/**
 * What came of a verbeteractie, recorded at the team's next session: one row per action and the
 * session where the team looked back on it. Per session, so a session in another scope (a gemeente's
 * round after a leerbeweging's) neither overwrites nor shows another's look back.
 */
export const actionFollowUps = sqliteTable(
	'action_follow_ups',
	{
		actionId: integer('action_id')
			.notNull()
			.references(() => improvementActions.id, { onDelete: 'cascade' }),
		sessionId: integer('session_id')
			.notNull()
			.references(() => sessions.id, { onDelete: 'cascade' }),
		done: text('done', { enum: FOLLOW_UP_DONE }).notNull(),
		helped: text('helped', { enum: FOLLOW_UP_HELPED }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
			.notNull()
			.$defaultFn(() => new Date())
	},
	(t) => [
		primaryKey({ columns: [t.actionId, t.sessionId] }),
		index('action_follow_ups_session').on(t.sessionId),
		check('action_follow_ups_done', sql`${t.done} IN ('gedaan', 'deels', 'niet')`),
		check('action_follow_ups_helped', sql`${t.helped} IN ('ja', 'nee', 'weet-nog-niet')`)
	]
);

export const VOTE_SUBJECTS = ['onderwerpen', 'onderwerpen-en-stellingen'] as const;
export type VoteSubject = (typeof VOTE_SUBJECTS)[number];

/**
 * A topic vote after the results were shown: what the team votes on (a snapshot of the options,
 * so the list stays the same while people vote), how many votes each, and when it closed.
 */
export const topicVotes = sqliteTable(
	'topic_votes',
	{
		sessionId: integer('session_id')
			.primaryKey()
			.references(() => sessions.id, { onDelete: 'cascade' }),
		subject: text('subject', { enum: VOTE_SUBJECTS }).notNull(),
		options: text('options', { mode: 'json' })
			.$type<{ id: string; label: string; kind: 'onderwerp' | 'stelling' }[]>()
			.notNull(),
		votesEach: integer('votes_each').notNull(),
		openedAt: integer('opened_at', { mode: 'timestamp_ms' }).notNull(),
		closedAt: integer('closed_at', { mode: 'timestamp_ms' })
	},
	(t) => [check('topic_votes_votes_each', sql`${t.votesEach} BETWEEN 2 AND 3`)]
);

/**
 * Who voted: one row per respondent, so each votes once. Which options they chose is not kept
 * with it: the choices only add to the totals below, so no stored row links a person to a vote.
 */
export const topicVoters = sqliteTable(
	'topic_voters',
	{
		sessionId: integer('session_id')
			.notNull()
			.references(() => topicVotes.sessionId, { onDelete: 'cascade' }),
		responseId: integer('response_id')
			.notNull()
			.references(() => responses.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.responseId] })]
);

/** The running totals of a topic vote. Only db/results.ts reads them, under the anonymity rule. */
export const topicVoteTotals = sqliteTable(
	'topic_vote_totals',
	{
		sessionId: integer('session_id')
			.notNull()
			.references(() => topicVotes.sessionId, { onDelete: 'cascade' }),
		optionId: text('option_id').notNull(),
		votes: integer('votes').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.sessionId, t.optionId] })]
);

/** Who did what, when: deletions, exports and purges. Kept when the user is deleted. */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: integer('at', { mode: 'timestamp_ms' })
			.notNull()
			.$defaultFn(() => new Date()),
		userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
		userEmail: text('user_email').notNull(),
		action: text('action').notNull(),
		subject: text('subject').notNull()
	},
	(t) => [index('audit_log_at').on(t.at)]
);
