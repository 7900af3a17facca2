/** Team profile from the typology of wijkteams: lets a gemeente compare teams of different kinds. */
export const TEAM_TASKS = {
	toegang: 'Toegang: aanmelding, vraag verhelderen en plan maken',
	regie: 'Regie: hulp afstemmen en volgen',
	'zelf-hulp': 'Zelf hulp bieden'
} as const;

export const TEAM_COMPOSITIONS = {
	gemeente: 'Alleen medewerkers van de gemeente',
	'gemeente-ingehuurd': 'Gemeente plus ingehuurde medewerkers van aanbieders',
	'gemeente-gedetacheerd': 'Gemeente plus gedetacheerde medewerkers van aanbieders',
	aanbieders: 'Medewerkers van een of meer aanbieders'
} as const;

export const TEAM_LEGAL_FORMS = {
	'gemeenschappelijke-regeling': 'Gemeenschappelijke regeling',
	gemeente: 'Onderdeel van de gemeente',
	projectorganisatie: 'Projectorganisatie van gemeente en aanbieders',
	stichting: 'Stichting',
	cooperatie: 'Coöperatie',
	aanbieder: 'Gecontracteerde aanbieder'
} as const;

export const TEAM_TARGET_GROUPS = {
	'jeugd-gezin': 'Jeugd en gezin',
	'alle-inwoners': 'Alle inwoners (jong en oud)'
} as const;

export type TeamTask = keyof typeof TEAM_TASKS;
export type TeamComposition = keyof typeof TEAM_COMPOSITIONS;
export type TeamLegalForm = keyof typeof TEAM_LEGAL_FORMS;
export type TeamTargetGroup = keyof typeof TEAM_TARGET_GROUPS;
