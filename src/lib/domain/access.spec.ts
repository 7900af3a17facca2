import { describe, expect, it } from 'vitest';
import {
	canManageGemeente,
	canManageTeam,
	canReadComments,
	canViewTeamResults,
	type Actor
} from './access';

const beheerder: Actor = { id: 1, role: 'beheerder', gemeenteIds: [], leerbewegingIds: [] };
const facilitatorA: Actor = { id: 2, role: 'facilitator', gemeenteIds: [10], leerbewegingIds: [] };
const facilitatorL: Actor = { id: 3, role: 'facilitator', gemeenteIds: [], leerbewegingIds: [50] };
const viewerA: Actor = { id: 4, role: 'gemeente-viewer', gemeenteIds: [10], leerbewegingIds: [] };
const teamA = { gemeenteId: 10, leerbewegingIds: [] };
const teamB = { gemeenteId: 20, leerbewegingIds: [50] };

describe('access rules', () => {
	it('lets a beheerder manage every gemeente and team', () => {
		expect(canManageGemeente(beheerder, 99)).toBe(true);
		expect(canManageTeam(beheerder, teamB)).toBe(true);
	});

	it('lets a facilitator manage only the gemeenten they are a member of', () => {
		expect(canManageGemeente(facilitatorA, 10)).toBe(true);
		expect(canManageGemeente(facilitatorA, 20)).toBe(false);
		expect(canManageTeam(facilitatorA, teamB)).toBe(false);
	});

	it('lets a leerbeweging facilitator manage its teams from other gemeenten', () => {
		expect(canManageTeam(facilitatorL, teamB)).toBe(true);
		expect(canManageTeam(facilitatorL, teamA)).toBe(false);
		expect(canManageGemeente(facilitatorL, 20)).toBe(false);
	});

	it('lets a gemeente-viewer see results of their gemeente, never manage or read comments', () => {
		expect(canViewTeamResults(viewerA, teamA)).toBe(true);
		expect(canViewTeamResults(viewerA, teamB)).toBe(false);
		expect(canManageTeam(viewerA, teamA)).toBe(false);
		expect(canReadComments(viewerA, teamA)).toBe(false);
		expect(canReadComments(facilitatorA, teamA)).toBe(true);
	});
});
