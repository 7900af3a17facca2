import { hashToken, randomToken } from './tokens';

/**
 * Short-lived, single-use server-side state behind a random cookie value: the OpenID Connect
 * state, nonce and PKCE verifier while someone is at their provider, and "password checked, code
 * still to come" between the two steps of a two-factor login. In memory, like the rate limits:
 * one app process is the deployment model, and a restart only means logging in again.
 */
export class PendingStore<T> {
	private readonly entries = new Map<string, { value: T; expires: number }>();

	constructor(
		readonly ttlMs: number,
		readonly maxEntries = 10_000,
		private readonly now: () => number = Date.now
	) {}

	/** Keeps a value; the returned token goes into a cookie (only its hash is the key). */
	put(value: T): string {
		this.prune();
		const token = randomToken();
		this.entries.set(hashToken(token), { value, expires: this.now() + this.ttlMs });
		return token;
	}

	/** The value, if the token is known and fresh; it stays until taken or expired. */
	peek(token: string | undefined): T | undefined {
		if (!token) return undefined;
		const entry = this.entries.get(hashToken(token));
		if (!entry || entry.expires <= this.now()) return undefined;
		return entry.value;
	}

	/** The value, once: a second call with the same token gets nothing. */
	take(token: string | undefined): T | undefined {
		const value = this.peek(token);
		if (token) this.entries.delete(hashToken(token));
		return value;
	}

	private prune(): void {
		const now = this.now();
		for (const [key, entry] of this.entries) {
			if (entry.expires <= now) this.entries.delete(key);
		}
		// A flood of unfinished logins may not grow memory without end: the oldest go first.
		while (this.entries.size >= this.maxEntries) {
			this.entries.delete(this.entries.keys().next().value!);
		}
	}
}
