import { describe, expect, it } from 'vitest';
import { PendingStore } from './pending';

describe('PendingStore', () => {
	it('gives a value back once, and not after it expired', () => {
		let now = 1000;
		const store = new PendingStore<string>(60_000, 100, () => now);
		const token = store.put('state');
		expect(store.peek(token)).toBe('state');
		expect(store.take(token)).toBe('state');
		expect(store.take(token)).toBeUndefined();
		const late = store.put('later');
		now += 60_000;
		expect(store.take(late)).toBeUndefined();
		expect(store.take(undefined)).toBeUndefined();
	});

	it('forgets the oldest entries instead of growing without end', () => {
		const store = new PendingStore<number>(60_000, 3);
		const tokens = [1, 2, 3, 4].map((n) => store.put(n));
		expect(store.peek(tokens[0])).toBeUndefined();
		expect(store.peek(tokens[3])).toBe(4);
	});
});
