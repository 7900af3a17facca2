// Plain JavaScript: also used by scripts/start.js for the static files adapter-node serves
// before the SvelteKit hooks run (/_app, favicon).

/** Headers every response gets, static files included. */
export const STATIC_HEADERS = Object.freeze({
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'same-origin',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
	'Cross-Origin-Resource-Policy': 'same-origin'
});
