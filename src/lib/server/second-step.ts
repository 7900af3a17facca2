import { PendingStore } from './pending';

/** Between a right password and the code from the app: 5 minutes to type the code. */
export const pendingCodes = new PendingStore<{ userId: number; next: string }>(5 * 60 * 1000);
export const CODE_COOKIE = 'wijkspiegel_tweede_stap';
export const CODE_PATH = '/inloggen/code';
