import { env } from '$env/dynamic/private';
import { RateLimiter } from './rate-limit';

/** Wrong join or resume codes per client: 10 in 10 minutes, then wait. */
export const wrongCodeLimiter = new RateLimiter(Number(env.JOIN_RATE_LIMIT) || 10, 10 * 60 * 1000);

/** Failed logins per account: 5 in 15 minutes. */
export const accountLimiter = new RateLimiter(5, 15 * 60 * 1000);

/** Failed logins per client address, whatever the account: 20 in 15 minutes. */
export const loginClientLimiter = new RateLimiter(20, 15 * 60 * 1000);
