import { describe, expect, it } from 'vitest';
import { requestLoggingOn } from './log';

describe('requestLoggingOn', () => {
	it('is off unless LOG_REQUESTS=true, and LOG_LEVEL=silent always wins', () => {
		expect(requestLoggingOn({})).toBe(false);
		expect(requestLoggingOn({ LOG_REQUESTS: 'false' })).toBe(false);
		expect(requestLoggingOn({ LOG_REQUESTS: '1' })).toBe(false);
		expect(requestLoggingOn({ LOG_REQUESTS: 'true' })).toBe(true);
		expect(requestLoggingOn({ LOG_REQUESTS: 'true', LOG_LEVEL: 'silent' })).toBe(false);
	});
});
