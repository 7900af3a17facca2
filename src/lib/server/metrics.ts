import { createHash, timingSafeEqual } from 'node:crypto';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Connection } from './db';
import { observeCommits } from './db/group-commit';
import { operationalCounts } from './db/stats';

/**
 * /metrics in the Prometheus text format, with prom-client (the Prometheus client for Node that
 * the Prometheus project lists; kept up since 2015, no native parts). Off unless METRICS_TOKEN is
 * set; then a scraper sends `Authorization: Bearer <token>`.
 *
 * Labels are route ids ("/s/[code]"), methods and statuses only: never a path, code, answer,
 * comment, name or address, so a metric cannot tell who did what.
 */

/** METRICS_TOKEN, or null (metrics off). Shorter than 16 characters is too easy to guess. */
export function metricsToken(env: Record<string, string | undefined>): string | null {
	const token = env.METRICS_TOKEN?.trim();
	if (!token) return null;
	if (token.length < 16) {
		throw new Error('METRICS_TOKEN moet minstens 16 tekens hebben (een lange, willekeurige tekst)');
	}
	return token;
}

/**
 * Whether an Authorization header carries the token. Both sides are hashed first, so the
 * comparison takes as long whatever the length or content of what was sent.
 */
export function bearerMatches(header: string | null, token: string): boolean {
	const sent = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? '';
	const digest = (value: string) => createHash('sha256').update(value).digest();
	return timingSafeEqual(digest(sent), digest(token));
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export class Metrics {
	readonly registry = new Registry();
	private readonly requests: Counter<'method' | 'route' | 'status'>;
	private readonly durations: Histogram<'method' | 'route'>;

	constructor(db: () => Connection) {
		collectDefaultMetrics({ register: this.registry, prefix: 'wijkspiegel_' });
		this.requests = new Counter({
			name: 'wijkspiegel_http_requests_total',
			help: 'Verzoeken per route (route-id, nooit het pad), methode en status',
			labelNames: ['method', 'route', 'status'],
			registers: [this.registry]
		});
		this.durations = new Histogram({
			name: 'wijkspiegel_http_request_duration_seconds',
			help: 'Duur van verzoeken per route-id en methode',
			labelNames: ['method', 'route'],
			buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
			registers: [this.registry]
		});
		const batchSizes = new Histogram({
			name: 'wijkspiegel_group_commit_batch_size',
			help: 'Opslagen per gedeelde commit (group commit)',
			buckets: [1, 2, 4, 8, 16, 32, 64, 128],
			registers: [this.registry]
		});
		const commitTimes = new Histogram({
			name: 'wijkspiegel_group_commit_duration_seconds',
			help: 'Duur van een gedeelde commit, tot hij op schijf staat',
			buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
			registers: [this.registry]
		});
		observeCommits((size, seconds) => {
			batchSizes.observe(size);
			commitTimes.observe(seconds);
		});
		// Read when scraped: one small query each, no timers.
		const counts = () => operationalCounts(db());
		new Gauge({
			name: 'wijkspiegel_database_size_bytes',
			help: "Grootte van de SQLite-database (pagina's maal paginagrootte)",
			registers: [this.registry],
			collect() {
				this.set(counts().databaseBytes);
			}
		});
		new Gauge({
			name: 'wijkspiegel_database_free_bytes',
			help: "Vrije ruimte in de database (lege pagina's)",
			registers: [this.registry],
			collect() {
				this.set(counts().freeBytes);
			}
		});
		new Gauge({
			name: 'wijkspiegel_sessions_open',
			help: 'Sessies (zelfevaluaties) die nu open staan',
			registers: [this.registry],
			collect() {
				this.set(counts().openSessions);
			}
		});
		new Gauge({
			name: 'wijkspiegel_login_sessions_active',
			help: 'Inlogsessies van begeleiders, gemeenten en beheerders die niet verlopen zijn',
			registers: [this.registry],
			collect() {
				this.set(counts().loginSessions);
			}
		});
	}

	/** One finished request; `route` is the route id, or null when no route matched. */
	request(method: string, route: string | null, status: number, seconds: number): void {
		const m = METHODS.has(method) ? method : 'OTHER';
		const r = route ?? '(geen route)';
		this.requests.inc({ method: m, route: r, status: String(status) });
		this.durations.observe({ method: m, route: r }, seconds);
	}

	text(): Promise<string> {
		return this.registry.metrics();
	}

	get contentType(): string {
		return this.registry.contentType;
	}

	stop(): void {
		observeCommits(undefined);
	}
}

let current: Metrics | null | undefined;

/** The app's metrics, made on first use when METRICS_TOKEN is set; null when they are off. */
export function appMetrics(env: Record<string, string | undefined>, db: () => Connection) {
	if (current === undefined) current = metricsToken(env) ? new Metrics(db) : null;
	return current;
}
