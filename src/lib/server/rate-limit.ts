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
