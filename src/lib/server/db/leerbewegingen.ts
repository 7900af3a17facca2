import type { Db } from '.';
import { leerbewegingen, leerbewegingTeams } from './schema';

export function create(db: Db, name: string, description = ''): number {
	return db
		.insert(leerbewegingen)
		.values({ name, description })
		.returning({ id: leerbewegingen.id })
		.get().id;
}

export function addTeam(db: Db, leerbewegingId: number, teamId: number): void {
	db.insert(leerbewegingTeams).values({ leerbewegingId, teamId }).onConflictDoNothing().run();
}
