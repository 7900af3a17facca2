import type { Db } from '.';
import { meetrondes } from './schema';

export interface NewMeetronde {
	name: string;
	startsOn: string;
	endsOn: string;
	gemeenteId?: number | null;
	leerbewegingId?: number | null;
}

export function create(db: Db, meetronde: NewMeetronde): number {
	return db.insert(meetrondes).values(meetronde).returning({ id: meetrondes.id }).get().id;
}
