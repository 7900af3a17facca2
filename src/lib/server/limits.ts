import { env } from '$env/dynamic/private';
import { RateLimiter } from './rate-limit';

/**
 * Different wrong join or resume codes per client address: 20 in 10 minutes, then wait. The same
 * wrong code counts once, so a team behind one office address that mistypes together is not
 * locked out; guessing one of 729 million codes at 20 per 10 minutes takes centuries. Used by
 * /join and by every /s/CODE address.
 */
export const wrongCodeLimiter = new RateLimiter(Number(env.JOIN_RATE_LIMIT) || 20, 10 * 60 * 1000);

/**
 * Questionnaires started per client address and session: 30 an hour. A whole team in one room
 * shares an address; more starts than that from one place is someone padding the session.
 */
export const startLimiter = new RateLimiter(Number(env.START_RATE_LIMIT) || 30, 60 * 60 * 1000);

// Login and password limits: see login-attempts.ts.
