import { env } from '$env/dynamic/private';
import { join } from 'node:path';
import type { StartOptions } from './app';
import { mailSettings } from './mail';
import { metricsToken } from './metrics';
import { appRoot } from './paths';

/** RETENTION_MONTHS: a whole number of months, or unset for no purging. */
function retentionMonths(value: string | undefined): number | null {
	if (!value) return null;
	const months = Number(value);
	if (!Number.isInteger(months) || months < 1) {
		throw new Error(
			`RETENTION_MONTHS moet een heel aantal maanden zijn (1 of meer), niet "${value}"`
		);
	}
	return months;
}

/** Every setting has a default, so the app builds, starts and tests without a .env file. */
export function startOptions(): StartOptions {
	// A mistake in the SMTP_* settings stops the start with its reason, not the first invitation.
	mailSettings(env);
	metricsToken(env);
	return {
		databasePath: env.DATABASE_PATH || join(appRoot(), 'data', 'wijkspiegel.db'),
		questionnairesDir: env.QUESTIONNAIRES_DIR || join(appRoot(), 'questionnaires'),
		seedDemo: env.SEED_DEMO !== 'false',
		admin: {
			email: env.ADMIN_EMAIL || 'beheer@wijkspiegel.local',
			// An empty ADMIN_PASSWORD= means "not set": generate one, never an empty password.
			password: env.ADMIN_PASSWORD || undefined
		},
		retentionMonths: retentionMonths(env.RETENTION_MONTHS)
	};
}

/** CONTACT_EMAIL: where people ask about privacy or accessibility; shown on those pages. */
export function contactEmail(): string | null {
	const value = env.CONTACT_EMAIL?.trim();
	return value && /^[^\s@]+@[^\s@]+$/.test(value) ? value : null;
}

/** RETENTION_MONTHS as the privacy statement tells it (the app checks it at start). */
export function retentionForStatement(): number | null {
	try {
		return retentionMonths(env.RETENTION_MONTHS);
	} catch {
		return null;
	}
}
