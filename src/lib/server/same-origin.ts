import { json, type Handle } from '@sveltejs/kit';
import { log } from './log';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** What an HTML form can send without the page's script; other types need CORS, which we never grant. */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * Whether a request may change something: a form post counts only when its Origin header is the
 * origin it was sent to. This is SvelteKit's check (switched off in svelte.config.js), but
 * against the request's own origin instead of one fixed ORIGIN, so a laptop takes posts from
 * localhost and from its Wi-Fi address alike, while another site's form is still refused.
 */
export function isCrossSite(request: Request, ownOrigin: string): boolean {
	if (!UNSAFE_METHODS.has(request.method)) return false;
	const origin = request.headers.get('origin');
	if (origin !== null) return origin !== ownOrigin;
	const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	return FORM_TYPES.includes(type);
}

export const REFUSED_MESSAGE =
	'Dit formulier is niet verstuurd: het kwam van een andere website of een ander adres dan dit. Er is niets veranderd. Open Wijkspiegel opnieuw via het adres dat de begeleider laat zien, en probeer het nog eens.';

const REFUSED_PAGE = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Niet verstuurd – Wijkspiegel</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; line-height: 1.5; }
a { color: #154273; }
</style>
</head>
<body>
<main>
<h1>Niet verstuurd</h1>
<p>${REFUSED_MESSAGE}</p>
<p><a href="/">Naar de startpagina</a></p>
</main>
</body>
</html>
`;

/** The refusal in the form the sender understands: a page, JSON, or an action result for `enhance`. */
function refusal(request: Request): Response {
	const status = 403;
	if (request.headers.get('x-sveltekit-action') === 'true') {
		// `enhance` shows an action result of type 'error' on the app's own error page.
		return json({ type: 'error', error: { message: REFUSED_MESSAGE } }, { status });
	}
	if ((request.headers.get('accept') ?? '').startsWith('application/json')) {
		return json({ message: REFUSED_MESSAGE }, { status });
	}
	return new Response(REFUSED_PAGE, {
		status,
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'content-security-policy':
				"default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"
		}
	});
}

/** Runs after knowOrigin (origin.ts), which sets `locals.origin`. */
export const sameOrigin: Handle = ({ event, resolve }) => {
	if (isCrossSite(event.request, event.locals.origin)) {
		log('warn', 'cross-site request refused', { route: event.route.id ?? '(geen route)' });
		return refusal(event.request);
	}
	return resolve(event);
};
