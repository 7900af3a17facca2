import { asc, eq } from 'drizzle-orm';
import type {
	TeamComposition,
	TeamLegalForm,
	TeamTargetGroup,
	TeamTask
} from '$lib/domain/team-profile';
import type { Db } from '.';
import { teams } from './schema';

export interface NewTeam {
	gemeenteId: number;
	name: string;
	tasks: TeamTask[];
	composition: TeamComposition | null;
	legalForm: TeamLegalForm | null;
	targetGroup: TeamTargetGroup | null;
}

export function create(db: Db, team: NewTeam): number {
	return db.insert(teams).values(team).returning({ id: teams.id }).get().id;
}

export function listByGemeente(db: Db, gemeenteId: number) {
	return db
		.select()
		.from(teams)
		.where(eq(teams.gemeenteId, gemeenteId))
		.orderBy(asc(teams.name))
		.all();
}

export function get(db: Db, id: number) {
	return db.select().from(teams).where(eq(teams.id, id)).get();
}
