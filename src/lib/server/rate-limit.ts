/**
 * Counts failures per key in a sliding window; used to slow down guessing of join codes and
 * passwords. In memory: one app process is the deployment model, and a restart forgetting the
 * counts is harmless.
 */
export class RateLimiter {
	private readonly failures = new Map<string, { at: number; detail?: string }[]>();

	constructor(
		readonly maxFailures: number,
		readonly windowMs: number,
		private readonly now: () => number = Date.now
	) {}

	/** Milliseconds until the key may try again; 0 when it may try now. */
	retryAfter(key: string): number {
		const recent = this.recent(key);
		if (recent.length < this.maxFailures) return 0;
		return recent[recent.length - this.maxFailures].at + this.windowMs - this.now();
	}

	/** The time of the key's latest failure. */
	lastFailure(key: string): number {
		return this.failures.get(key)?.at(-1)?.at ?? 0;
	}

	/**
	 * Counts a failure. With a detail (the wrong code that was typed), the same detail counts once
	 * per window: a room full of people making the same typo is not an attack.
	 */
	fail(key: string, detail?: string): void {
		const recent = this.recent(key);
		if (detail !== undefined && recent.some((f) => f.detail === detail)) return;
		recent.push({ at: this.now(), detail });
		this.failures.set(key, recent);
		if (this.failures.size > 10_000) this.prune();
	}

	/** Takes back one failure recorded at `at` (a reservation that turned out to be a success). */
	forgive(key: string, at: number): void {
		const recent = this.failures.get(key);
		const index = recent?.findLastIndex((f) => f.at === at) ?? -1;
		if (recent && index >= 0) recent.splice(index, 1);
	}

	reset(key: string): void {
		this.failures.delete(key);
	}

	private recent(key: string) {
		const since = this.now() - this.windowMs;
		return (this.failures.get(key) ?? []).filter((f) => f.at > since);
	}

	private prune(): void {
		for (const key of this.failures.keys()) {
			if (this.recent(key).length === 0) this.failures.delete(key);
		}
	}
}

/** An attempt counted in advance; `succeeded` takes it back. */
export interface Reservation {
	succeeded(): void;
}

/**
 * Counts an attempt as a failure for every key before it is checked, or refuses it when any key
 * is over its limit. Check and count happen in one synchronous step, so parallel requests cannot
 * all pass the check while the slow check (scrypt) of the first ones is still running.
 */
export function reserveAttempt(
	keys: readonly (readonly [RateLimiter, string])[]
): { wait: number; reservation?: undefined } | { wait: 0; reservation: Reservation } {
	const wait = Math.max(0, ...keys.map(([limiter, key]) => limiter.retryAfter(key)));
	if (wait > 0) return { wait };
	const taken = keys.map(([limiter, key]) => {
		limiter.fail(key);
		return [limiter, key, limiter.lastFailure(key)] as const;
	});
	return {
		wait: 0,
		reservation: {
			succeeded: () => {
				for (const [limiter, key, at] of taken) limiter.forgive(key, at);
			}
		}
	};
}
