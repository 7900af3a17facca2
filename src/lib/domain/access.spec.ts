import { describe, expect, it } from 'vitest';
import {
	canEditTeam,
	canManageGemeente,
	canManageSession,
	canManageTeam,
	canReadComments,
	canUseRound,
	canViewSessionResults,
	type Actor
} from './access';

const beheerder: Actor = { id: 1, role: 'beheerder', gemeenteIds: [], leerbewegingIds: [] };
const facilitatorA: Actor = { id: 2, role: 'facilitator', gemeenteIds: [10], leerbewegingIds: [] };
const facilitatorL: Actor = { id: 3, role: 'facilitator', gemeenteIds: [], leerbewegingIds: [50] };
const viewerA: Actor = { id: 4, role: 'gemeente-viewer', gemeenteIds: [10], leerbewegingIds: [] };
const viewerB: Actor = { id: 5, role: 'gemeente-viewer', gemeenteIds: [20], leerbewegingIds: [] };
const teamA = { gemeenteId: 10, leerbewegingIds: [] };
const teamB = { gemeenteId: 20, leerbewegingIds: [50] };
const gemeenteRoundB = { gemeenteId: 20, leerbewegingId: null };
const leerbewegingRound = { gemeenteId: null, leerbewegingId: 50 };
const otherLeerbewegingRound = { gemeenteId: null, leerbewegingId: 60 };

describe('access rules', () => {
	it('lets a beheerder manage every gemeente, team and session', () => {
		expect(canManageGemeente(beheerder, 99)).toBe(true);
		expect(canManageTeam(beheerder, teamB)).toBe(true);
		expect(canEditTeam(beheerder, teamB)).toBe(true);
		expect(canManageSession(beheerder, { team: teamB, round: gemeenteRoundB })).toBe(true);
	});

	it('lets a facilitator manage only the gemeenten they are a member of', () => {
		expect(canManageGemeente(facilitatorA, 10)).toBe(true);
		expect(canManageGemeente(facilitatorA, 20)).toBe(false);
		expect(canManageTeam(facilitatorA, teamB)).toBe(false);
		expect(canManageSession(facilitatorA, { team: teamB, round: leerbewegingRound })).toBe(false);
	});

	it('lets a gemeente-viewer see results of their gemeente, never manage or read comments', () => {
		const sessionA = { team: teamA, round: { gemeenteId: 10, leerbewegingId: null } };
		expect(canViewSessionResults(viewerA, sessionA)).toBe(true);
		expect(canViewSessionResults(viewerB, sessionA)).toBe(false);
		expect(canManageTeam(viewerA, teamA)).toBe(false);
		expect(canReadComments(viewerA, sessionA)).toBe(false);
		expect(canReadComments(facilitatorA, sessionA)).toBe(true);
	});
});

describe('a facilitator who belongs only to a leerbeweging (issue 10, W6)', () => {
	const inLeerbewegingRound = { team: teamB, round: leerbewegingRound };
	const inGemeenteRound = { team: teamB, round: gemeenteRoundB };

	it("works with the leerbeweging's teams in the leerbeweging's own rounds", () => {
		expect(canManageTeam(facilitatorL, teamB)).toBe(true);
		expect(canUseRound(facilitatorL, teamB, leerbewegingRound)).toBe(true);
		expect(canManageSession(facilitatorL, inLeerbewegingRound)).toBe(true);
		expect(canReadComments(facilitatorL, inLeerbewegingRound)).toBe(true);
		expect(canViewSessionResults(facilitatorL, inLeerbewegingRound)).toBe(true);
	});

	it("never reaches a gemeente's own rounds, their comments or figures", () => {
		expect(canUseRound(facilitatorL, teamB, gemeenteRoundB)).toBe(false);
		expect(canManageSession(facilitatorL, inGemeenteRound)).toBe(false);
		expect(canReadComments(facilitatorL, inGemeenteRound)).toBe(false);
		expect(canViewSessionResults(facilitatorL, inGemeenteRound)).toBe(false);
	});

	it('cannot rename or delete the team, nor manage its gemeente', () => {
		expect(canEditTeam(facilitatorL, teamB)).toBe(false);
		expect(canManageGemeente(facilitatorL, 20)).toBe(false);
	});

	it('loses the team once it leaves the leerbeweging, and never reaches other teams', () => {
		const left = { gemeenteId: 20, leerbewegingIds: [] };
		expect(canManageTeam(facilitatorL, left)).toBe(false);
		expect(canManageSession(facilitatorL, { team: left, round: leerbewegingRound })).toBe(false);
		expect(canManageTeam(facilitatorL, teamA)).toBe(false);
		expect(canUseRound(facilitatorL, teamB, otherLeerbewegingRound)).toBe(false);
	});

	it("leaves the gemeente's own facilitators in charge of their team in a leerbeweging round", () => {
		const facilitatorB: Actor = { ...facilitatorA, gemeenteIds: [20] };
		expect(canManageSession(facilitatorB, inLeerbewegingRound)).toBe(true);
		expect(canUseRound(facilitatorB, teamB, leerbewegingRound)).toBe(true);
		expect(canUseRound(facilitatorB, teamB, otherLeerbewegingRound)).toBe(false);
		expect(canUseRound(facilitatorB, teamB, { gemeenteId: 10, leerbewegingId: null })).toBe(false);
	});
});
