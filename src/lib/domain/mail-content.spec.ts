import { describe, expect, it } from 'vitest';
import { escapeHtml, invitationMail, passwordResetMail } from './mail-content';

describe('mail content', () => {
	it('puts the same link in the plain text and in the HTML body', () => {
		const url = 'https://wijkspiegel.example.nl/uitnodiging/abc_DEF-123';
		const mail = invitationMail({ name: 'Sanne de Vries', url, days: 7 });
		expect(mail.text).toContain(url);
		expect(mail.html).toContain(`href="${url}"`);
		expect(mail.text).toContain('7 dagen');
		expect(mail.text).toMatch(/^Hallo Sanne de Vries,/);
	});

	it('escapes a name with HTML in it, so the mail shows it as text', () => {
		const mail = passwordResetMail({
			name: '<script>alert(1)</script> & "Jan"',
			url: 'https://x.nl/uitnodiging/t',
			validFor: '60 minuten'
		});
		expect(mail.html).not.toContain('<script>');
		expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Jan&quot;');
		expect(mail.text).toContain('60 minuten');
	});

	it('keeps line breaks in a name out of the greeting and the subject', () => {
		const mail = invitationMail({ name: 'Piet\r\nBcc: iedereen@example.nl', url: 'u', days: 7 });
		expect(mail.subject).not.toMatch(/[\r\n]/);
		expect(mail.text.split('\n')[0]).toBe('Hallo Piet Bcc: iedereen@example.nl,');
	});

	it('speaks to the reader with je, never with u', () => {
		for (const mail of [
			invitationMail({ name: 'A', url: 'https://x.nl/l', days: 7 }),
			passwordResetMail({ name: 'A', url: 'https://x.nl/l', validFor: '60 minuten' })
		]) {
			expect(mail.text).toMatch(/\bje\b/);
			expect(mail.text).not.toMatch(/\b(u|uw)\b/i);
		}
	});

	it('escapes every character that could end an attribute or a tag', () => {
		expect(escapeHtml(`<a href='x'>"&"</a>`)).toBe(
			'&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;'
		);
	});
});
