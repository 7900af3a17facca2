import Provider, { type Configuration } from 'oidc-provider';
import { createServer, type IncomingMessage, type Server } from 'node:http';

/**
 * A real OpenID provider (panva's oidc-provider, as Keycloak or Entra would be) on a loopback
 * port, with a tiny sign-in page: pick a test account and press its button. Consent is granted
 * at once, as for a first-party app.
 */

export interface TestAccount {
	email: string;
	emailVerified: boolean;
	name: string;
	groups: string[];
}

export interface TestProvider {
	issuer: string;
	close(): Promise<void>;
}

const CLIENT_ID = 'wijkspiegel';
const CLIENT_SECRET = 'test-geheim-van-de-client';

export function providerSettings(issuer: string): Record<string, string> {
	return {
		OIDC_ISSUER: issuer,
		OIDC_CLIENT_ID: CLIENT_ID,
		OIDC_CLIENT_SECRET: CLIENT_SECRET
	};
}

async function body(request: IncomingMessage): Promise<URLSearchParams> {
	let text = '';
	for await (const chunk of request) text += chunk;
	return new URLSearchParams(text);
}

function page(uid: string, accounts: Record<string, TestAccount>): string {
	const buttons = Object.entries(accounts)
		.map(([id, a]) => `<button type="submit" name="account" value="${id}">${a.name}</button>`)
		.join('\n');
	return `<!doctype html><html lang="en"><head><title>Test provider</title></head><body>
<main><h1>Test provider: sign in</h1><form method="post" action="/interaction/${uid}">${buttons}</form></main>
</body></html>`;
}

export async function startProvider(
	port: number,
	appOrigin: string,
	accounts: Record<string, TestAccount>
): Promise<TestProvider> {
	const issuer = `http://127.0.0.1:${port}`;
	const configuration: Configuration = {
		clients: [
			{
				client_id: CLIENT_ID,
				client_secret: CLIENT_SECRET,
				redirect_uris: [`${appOrigin}/inloggen/organisatie/terug`],
				post_logout_redirect_uris: [`${appOrigin}/inloggen`],
				response_types: ['code'],
				grant_types: ['authorization_code']
			}
		],
		claims: {
			openid: ['sub'],
			email: ['email', 'email_verified'],
			profile: ['name', 'groups']
		},
		cookies: { keys: ['test-cookie-sleutel'] },
		ttl: { AccessToken: 600, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
		features: { devInteractions: { enabled: false } },
		interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
		async findAccount(_ctx, id) {
			const account = accounts[id];
			if (!account) return undefined;
			return {
				accountId: id,
				async claims() {
					return {
						sub: id,
						email: account.email,
						email_verified: account.emailVerified,
						name: account.name,
						groups: account.groups
					};
				}
			};
		},
		// First-party app: no consent screen.
		async loadExistingGrant(ctx) {
			const grantId = ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
			if (grantId) return ctx.oidc.provider.Grant.find(grantId);
			const grant = new ctx.oidc.provider.Grant({
				clientId: ctx.oidc.client!.clientId,
				accountId: ctx.oidc.session!.accountId!
			});
			grant.addOIDCScope('openid email profile');
			await grant.save();
			return grant;
		}
	};
	const provider = new Provider(issuer, configuration);
	const callback = provider.callback();
	const server: Server = createServer(async (request, response) => {
		const match = request.url?.match(/^\/interaction\/([\w-]+)$/);
		if (!match) return callback(request, response);
		try {
			if (request.method === 'GET') {
				await provider.interactionDetails(request, response);
				response.setHeader('content-type', 'text/html; charset=utf-8');
				response.end(page(match[1], accounts));
				return;
			}
			const accountId = (await body(request)).get('account') ?? '';
			await provider.interactionFinished(
				request,
				response,
				{ login: { accountId } },
				{ mergeWithLastSubmission: false }
			);
		} catch (error) {
			response.statusCode = 500;
			response.end(String(error));
		}
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return {
		issuer,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
