// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SignedIn } from '$lib/server/login';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Platform {
			/** adapter-node's incoming request; absent under `vite dev` */
			req?: import('node:http').IncomingMessage;
		}
		interface Locals {
			/** the origin this request was sent to (set first by hooks.server.ts; see server/origin.ts) */
			origin: string;
			/** set by hooks.server.ts when a valid login cookie came with the request */
			signedIn?: SignedIn;
		}
		interface Platform {
			/** adapter-node's incoming request; absent in `vite dev` */
			req?: import('node:http').IncomingMessage;
		}
	}
}

export {};
