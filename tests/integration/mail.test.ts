import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createServer } from 'node:net';
import * as audit from '$lib/server/db/audit';
import * as users from '$lib/server/db/users';
import { mailInvitation } from '$lib/server/invitations';
import { mailSettings, sendMail, type MailSettings } from '$lib/server/mail';
import { requestPasswordReset, ResetLimits, RESET_MINUTES } from '$lib/server/password-reset';
import { invitationMail } from '$lib/domain/mail-content';
import { hashToken } from '$lib/server/tokens';
import { linkIn, recipients, startMailbox, type Mailbox } from '../fixtures/mailbox';
import { tempDatabase } from './helpers';

const settingsFor = (port: number, extra: Record<string, string> = {}): MailSettings =>
	mailSettings({
		SMTP_HOST: '127.0.0.1',
		SMTP_PORT: String(port),
		SMTP_TLS: 'none',
		SMTP_FROM: 'Wijkspiegel <wijkspiegel@gemeente.example>',
		...extra
	})!;

/** A port nothing listens on: taken from the OS, then released. */
async function closedPort(): Promise<number> {
	const probe = createServer();
	await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
	const port = (probe.address() as { port: number }).port;
	await new Promise<void>((r) => probe.close(() => r()));
	return port;
}

let mailbox: Mailbox;
let temp: ReturnType<typeof tempDatabase>;
let errorLines: string[];

beforeEach(() => {
	errorLines = [];
	vi.spyOn(console, 'error').mockImplementation((line: string) => void errorLines.push(line));
	vi.spyOn(console, 'log').mockImplementation(() => {});
	temp = tempDatabase();
});
afterEach(async () => {
	vi.restoreAllMocks();
	await mailbox?.close();
	temp.cleanup();
});

describe('SMTP settings', () => {
	it('are off without SMTP_HOST', () => {
		expect(mailSettings({ SMTP_FROM: 'a@b.nl' })).toBeNull();
	});

	it('use STARTTLS on port 587 by default and 465 for implicit TLS', () => {
		expect(mailSettings({ SMTP_HOST: 'smtp.x.nl', SMTP_FROM: 'a@b.nl' })).toMatchObject({
			port: 587,
			tls: 'starttls'
		});
		expect(
			mailSettings({ SMTP_HOST: 'smtp.x.nl', SMTP_FROM: 'a@b.nl', SMTP_TLS: 'tls' })
		).toMatchObject({ port: 465, tls: 'tls' });
	});

	it('refuse an unknown TLS mode, a bad port and a missing sender with the setting named', () => {
		const base = { SMTP_HOST: 'smtp.x.nl', SMTP_FROM: 'a@b.nl' };
		expect(() => mailSettings({ ...base, SMTP_TLS: 'ssl' })).toThrow(/SMTP_TLS/);
		expect(() => mailSettings({ ...base, SMTP_PORT: '99999' })).toThrow(/SMTP_PORT/);
		expect(() => mailSettings({ SMTP_HOST: 'smtp.x.nl' })).toThrow(/SMTP_FROM/);
	});
});

describe('sending mail to a real SMTP server', () => {
	it('delivers an invitation with a plain-text and an HTML body holding the same link', async () => {
		mailbox = await startMailbox();
		const link = 'https://wijkspiegel.example.nl/uitnodiging/abcDEF123';
		const outcome = await mailInvitation(
			settingsFor(mailbox.port),
			{ name: 'Sanne Één', email: 'sanne@example.nl', active: false },
			link
		);
		expect(outcome).toEqual({ sent: true });
		const mail = await mailbox.waitFor('sanne@example.nl');
		expect(mail.subject).toBe('Je account voor Wijkspiegel');
		expect(mail.from?.value[0].address).toBe('wijkspiegel@gemeente.example');
		expect(mail.text).toContain('Hallo Sanne Één,');
		expect(linkIn(mail)).toBe(link);
		expect(mail.html).toContain(`href="${link}"`);
	});

	it('signs in to the mail server with SMTP_USER and SMTP_PASSWORD', async () => {
		mailbox = await startMailbox({ user: 'wijkspiegel', password: 'geheim-smtp' });
		const good = settingsFor(mailbox.port, {
			SMTP_USER: 'wijkspiegel',
			SMTP_PASSWORD: 'geheim-smtp'
		});
		const content = invitationMail({ name: 'A', url: 'https://x.nl/uitnodiging/t', days: 7 });
		expect(await sendMail(good, 'a@example.nl', content, 'uitnodiging')).toEqual({ sent: true });
		const wrong = { ...good, password: 'fout' };
		const refused = await sendMail(wrong, 'b@example.nl', content, 'uitnodiging');
		expect(refused).toMatchObject({ sent: false, reason: expect.stringContaining('SMTP_USER') });
		expect(mailbox.messages.flatMap(recipients)).toEqual(['a@example.nl']);
	});

	it('never sends in plain text when SMTP_TLS=starttls and the server offers no STARTTLS', async () => {
		mailbox = await startMailbox();
		const content = invitationMail({ name: 'A', url: 'https://x.nl/uitnodiging/t', days: 7 });
		const outcome = await sendMail(
			settingsFor(mailbox.port, { SMTP_TLS: 'starttls' }),
			'a@example.nl',
			content,
			'uitnodiging'
		);
		expect(outcome).toEqual({
			sent: false,
			reason: 'er kon geen versleutelde verbinding worden gemaakt (SMTP_TLS)'
		});
		expect(mailbox.messages).toHaveLength(0);
	});

	it('says why and logs it when the mail server cannot be reached, without the address or link', async () => {
		const content = invitationMail({
			name: 'A',
			url: 'https://x.nl/uitnodiging/geheim-token',
			days: 7
		});
		const outcome = await sendMail(
			settingsFor(await closedPort()),
			'a@example.nl',
			content,
			'uitnodiging'
		);
		expect(outcome).toEqual({ sent: false, reason: 'de mailserver is niet bereikbaar' });
		const line = JSON.parse(errorLines.find((l) => l.includes('mail not sent'))!);
		expect(line).toMatchObject({ level: 'error', kind: 'uitnodiging' });
		expect(errorLines.join('\n')).not.toMatch(/a@example\.nl|geheim-token/);
	});
});

describe('wachtwoord vergeten', () => {
	function addUser(email: string, passwordHash: string | null) {
		return users.create(temp.db, { email, name: 'Piet', role: 'facilitator', passwordHash });
	}
	const request = (
		email: string,
		settings: MailSettings,
		limits = new ResetLimits(),
		client = '10.0.0.1'
	) =>
		requestPasswordReset(
			temp.db,
			{ email, client, origin: 'https://wijkspiegel.example.nl', settings },
			limits
		);

	it('mails a single-use link that expires after an hour, storing only its hash', async () => {
		mailbox = await startMailbox();
		const userId = addUser('piet@example.nl', 'scrypt$oud');
		const result = request('Piet@Example.nl', settingsFor(mailbox.port));
		expect(result.outcome).toBe('accepted');
		const mail = await mailbox.waitFor('piet@example.nl');
		expect(mail.subject).toBe('Nieuw wachtwoord voor Wijkspiegel');
		const token = linkIn(mail).split('/uitnodiging/')[1];
		const stored = temp.db.$client
			.prepare('SELECT token_hash, expires_at FROM invitations WHERE user_id = ?')
			.all(userId) as { token_hash: string; expires_at: number }[];
		expect(stored).toHaveLength(1);
		expect(stored[0].token_hash).toBe(hashToken(token));
		expect(stored[0].token_hash).not.toContain(token);
		const minutesLeft = (stored[0].expires_at - Date.now()) / 60_000;
		expect(minutesLeft).toBeGreaterThan(RESET_MINUTES - 1);
		expect(minutesLeft).toBeLessThanOrEqual(RESET_MINUTES);
		expect(
			users.findInvitation(temp.db, hashToken(token), new Date(Date.now() + 61 * 60_000))
		).toBeUndefined();
		const found = users.findInvitation(temp.db, hashToken(token))!;
		expect(users.acceptInvitation(temp.db, found.id, userId, 'scrypt$nieuw')).toBe(true);
		expect(users.findInvitation(temp.db, hashToken(token))).toBeUndefined();
	});

	it('answers an unknown address and an account without a password exactly as a known one, and mails neither', async () => {
		mailbox = await startMailbox();
		addUser('uitgenodigd@example.nl', null);
		const settings = settingsFor(mailbox.port);
		const unknown = request('niemand@example.nl', settings);
		const invited = request('uitgenodigd@example.nl', settings);
		expect(unknown.outcome).toBe('accepted');
		expect(invited.outcome).toBe('accepted');
		expect(await (unknown as { delivery: Promise<unknown> }).delivery).toBeNull();
		expect(await (invited as { delivery: Promise<unknown> }).delivery).toBeNull();
		expect(mailbox.messages).toHaveLength(0);
	});

	it('stops after 3 requests an hour for one address and 10 a quarter for one client, known or not', async () => {
		mailbox = await startMailbox();
		const settings = settingsFor(mailbox.port);
		const limits = new ResetLimits();
		const outcomes = Array.from(
			{ length: 4 },
			() => request('niemand@example.nl', settings, limits).outcome
		);
		expect(outcomes).toEqual(['accepted', 'accepted', 'accepted', 'limited']);
		const perClient = Array.from(
			{ length: 11 },
			(_, i) => request(`iemand${i}@example.nl`, settings, limits, '10.0.0.9').outcome
		);
		expect(perClient.slice(0, 10).every((o) => o === 'accepted')).toBe(true);
		expect(perClient[10]).toBe('limited');
	});

	it('puts a failed send in the audit log, where the beheerder sees it', async () => {
		addUser('piet@example.nl', 'scrypt$oud');
		const result = request('piet@example.nl', settingsFor(await closedPort()));
		expect(result.outcome).toBe('accepted');
		expect(await (result as { delivery: Promise<unknown> }).delivery).toMatchObject({
			sent: false
		});
		const [line] = audit.latest(temp.db);
		expect(line).toMatchObject({ userEmail: 'systeem', action: 'e-mail niet verstuurd' });
		expect(line.subject).toContain('piet@example.nl');
		expect(line.subject).toContain('niet bereikbaar');
	});
});
