import nodemailer from 'nodemailer';
import type { MailContent } from '$lib/domain/mail-content';
import { log } from './log';

/**
 * Sending e-mail over SMTP with nodemailer: the de-facto standard SMTP client for Node, in plain
 * JavaScript without dependencies or native parts, kept up since 2010. It does what we must not
 * get wrong ourselves: STARTTLS and implicit TLS with certificate checks, AUTH, MIME with a text
 * and an HTML part, encoding of é and ë, dot-stuffing, timeouts.
 *
 * Without SMTP_HOST nothing is sent and the app shows links to copy, as it always did.
 */

export type TlsMode = 'starttls' | 'tls' | 'none';

export interface MailSettings {
	host: string;
	port: number;
	tls: TlsMode;
	user: string | undefined;
	password: string | undefined;
	from: string;
}

type Env = Record<string, string | undefined>;

/** SMTP_* settings, or null when SMTP_HOST is not set. Throws a Dutch message on bad values. */
export function mailSettings(env: Env): MailSettings | null {
	const host = env.SMTP_HOST?.trim();
	if (!host) return null;
	const tls = (env.SMTP_TLS?.trim() || 'starttls') as TlsMode;
	if (!['starttls', 'tls', 'none'].includes(tls)) {
		throw new Error(`SMTP_TLS moet starttls, tls of none zijn, niet "${env.SMTP_TLS}"`);
	}
	const port = env.SMTP_PORT?.trim() ? Number(env.SMTP_PORT) : tls === 'tls' ? 465 : 587;
	if (!Number.isInteger(port) || port < 1 || port > 65535) {
		throw new Error(`SMTP_PORT moet een poortnummer zijn, niet "${env.SMTP_PORT}"`);
	}
	const from = env.SMTP_FROM?.trim();
	if (!from || !/@/.test(from)) {
		throw new Error('SMTP_FROM (de afzender, bijvoorbeeld wijkspiegel@gemeente.nl) ontbreekt');
	}
	return {
		host,
		port,
		tls,
		user: env.SMTP_USER?.trim() || undefined,
		password: env.SMTP_PASSWORD || undefined,
		from
	};
}

/** The settings as the app runs with them; a bad value reads as "off" here, start-up says why. */
export function currentMailSettings(env: Env = process.env): MailSettings | null {
	try {
		return mailSettings(env);
	} catch {
		return null;
	}
}

export type SendOutcome = { sent: true } | { sent: false; reason: string };

/** What went wrong, for the beheerder: never the password, never the whole server answer. */
function reasonOf(error: unknown): string {
	const code = (error as { code?: string; responseCode?: number }).code;
	const responseCode = (error as { responseCode?: number }).responseCode;
	if (code === 'ECONNREFUSED' || code === 'ESOCKET' || code === 'ECONNECTION')
		return 'de mailserver is niet bereikbaar';
	if (code === 'ETIMEDOUT') return 'de mailserver antwoordde niet op tijd';
	if (code === 'EAUTH') return 'de mailserver weigerde de inloggegevens (SMTP_USER, SMTP_PASSWORD)';
	if (code === 'ETLS') return 'er kon geen versleutelde verbinding worden gemaakt (SMTP_TLS)';
	if (code === 'EENVELOPE') return 'de mailserver weigerde de afzender of het e-mailadres';
	if (responseCode) return `de mailserver weigerde het bericht (code ${responseCode})`;
	return 'onbekende fout bij het versturen';
}

/**
 * Sends one mail and says whether it went. Never throws: every caller must show or record a
 * failure, and a failure is always logged (with the kind of mail, not the address or the link).
 */
export async function sendMail(
	settings: MailSettings,
	to: string,
	content: MailContent,
	kind: 'uitnodiging' | 'nieuw wachtwoord'
): Promise<SendOutcome> {
	const transport = nodemailer.createTransport({
		host: settings.host,
		port: settings.port,
		secure: settings.tls === 'tls',
		requireTLS: settings.tls === 'starttls',
		ignoreTLS: settings.tls === 'none',
		auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
		connectionTimeout: 10_000,
		greetingTimeout: 10_000,
		socketTimeout: 20_000
	});
	try {
		await transport.sendMail({
			from: settings.from,
			to,
			subject: content.subject,
			text: content.text,
			html: content.html
		});
		log('info', 'mail sent', { kind });
		return { sent: true };
	} catch (error) {
		const reason = reasonOf(error);
		log('error', 'mail not sent', {
			kind,
			reason,
			code: (error as { code?: string }).code ?? null
		});
		return { sent: false, reason };
	} finally {
		transport.close();
	}
}
