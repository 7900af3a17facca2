import { env } from '$env/dynamic/private';
import { join } from 'node:path';
import type { StartOptions } from './app';
import { appRoot } from './paths';

/** Every setting has a default, so the app builds, starts and tests without a .env file. */
export function startOptions(): StartOptions {
	return {
		databasePath: env.DATABASE_PATH || join(appRoot(), 'data', 'wijkspiegel.db'),
		questionnairesDir: env.QUESTIONNAIRES_DIR || join(appRoot(), 'questionnaires'),
		seedDemo: env.SEED_DEMO !== 'false',
		admin: { email: env.ADMIN_EMAIL || 'beheer@wijkspiegel.local', password: env.ADMIN_PASSWORD }
	};
}
