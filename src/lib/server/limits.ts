import { env } from '$env/dynamic/private';
import { RateLimiter } from './rate-limit';

/** Wrong join or resume codes per client: 10 in 10 minutes, then wait. */
export const wrongCodeLimiter = new RateLimiter(Number(env.JOIN_RATE_LIMIT) || 10, 10 * 60 * 1000);

// Login and password limits: see login-attempts.ts.
