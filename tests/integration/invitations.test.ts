import { afterEach, describe, expect, it } from 'vitest';
import * as users from '$lib/server/db/users';
import { tempDatabase } from './helpers';

const future = () => new Date(Date.now() + 86_400_000);

describe('invitations (issue 10, W5)', () => {
	let temp: ReturnType<typeof tempDatabase>;
	afterEach(() => temp.cleanup());

	function setUp() {
		temp = tempDatabase();
		const userId = users.create(temp.db, {
			email: 'begeleider@example.nl',
			name: 'Begeleider',
			role: 'facilitator',
			passwordHash: 'scrypt$old'
		});
		users.createInvitation(temp.db, userId, 'older', future());
		users.createInvitation(temp.db, userId, 'newer', future());
		users.createSession(temp.db, 'session-on-laptop', userId, future());
		users.createSession(temp.db, 'session-on-phone', userId, future());
		return userId;
	}

	it('using one invitation makes every other open invitation of that user useless', () => {
		const userId = setUp();
		const newer = users.findInvitation(temp.db, 'newer')!;
		expect(users.acceptInvitation(temp.db, newer.id, userId, 'scrypt$new')).toBe(true);
		expect(users.findInvitation(temp.db, 'older')).toBeUndefined();
		expect(users.findInvitation(temp.db, 'newer')).toBeUndefined();
		expect(users.get(temp.db, userId)?.passwordHash).toBe('scrypt$new');
	});

	it('an invitation found before another was used cannot set the password afterwards', () => {
		const userId = setUp();
		const older = users.findInvitation(temp.db, 'older')!;
		const newer = users.findInvitation(temp.db, 'newer')!;
		expect(users.acceptInvitation(temp.db, newer.id, userId, 'scrypt$new')).toBe(true);
		expect(users.acceptInvitation(temp.db, older.id, userId, 'scrypt$attacker')).toBe(false);
		expect(users.get(temp.db, userId)?.passwordHash).toBe('scrypt$new');
	});

	it('setting a password by invitation ends the existing login sessions', () => {
		const userId = setUp();
		const newer = users.findInvitation(temp.db, 'newer')!;
		users.acceptInvitation(temp.db, newer.id, userId, 'scrypt$new');
		expect(users.findSession(temp.db, 'session-on-laptop')).toBeUndefined();
		expect(users.findSession(temp.db, 'session-on-phone')).toBeUndefined();
	});

	it("leaves other users' invitations and sessions alone", () => {
		const userId = setUp();
		const otherId = users.create(temp.db, {
			email: 'ander@example.nl',
			name: 'Ander',
			role: 'facilitator',
			passwordHash: null
		});
		users.createInvitation(temp.db, otherId, 'other', future());
		users.createSession(temp.db, 'other-session', otherId, future());
		users.acceptInvitation(temp.db, users.findInvitation(temp.db, 'newer')!.id, userId, 'x');
		expect(users.findInvitation(temp.db, 'other')).toBeDefined();
		expect(users.findSession(temp.db, 'other-session')).toBeDefined();
	});
});
