import type { Db } from '.';

const caches = new WeakMap<object, Map<string, unknown>>();

/**
 * A prepared query, built once per connection. The respondent's save runs hundreds of times a
 * second: building and preparing the same SQL on every request cost half of its time.
 */
export function prepared<T>(db: Db, key: string, build: () => T): T {
	let cache = caches.get(db);
	if (!cache) {
		cache = new Map();
		caches.set(db, cache);
	}
	let query = cache.get(key) as T | undefined;
	if (query === undefined) {
		query = build();
		cache.set(key, query);
	}
	return query;
}
