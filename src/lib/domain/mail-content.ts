/**
 * The texts of the e-mails Wijkspiegel sends, in B1 Dutch with "je". Plain text for every mail
 * program, HTML with the same words for those that show it. Pure: the server module sends them.
 */

export interface MailContent {
	subject: string;
	text: string;
	html: string;
}

/** Text for HTML: names and links come from people, so every special character is escaped. */
export function escapeHtml(value: string): string {
	return value
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&#39;');
}

/** A header line must not carry a line break: a name with one could add headers of its own. */
function oneLine(value: string): string {
	return value.replace(/[\r\n]+/g, ' ').trim();
}

const SIGNATURE = ['Groet,', 'Wijkspiegel'];

function build(
	subject: string,
	greeting: string,
	paragraphs: string[],
	link: { url: string; label: string },
	closing: string[]
): MailContent {
	const text = [
		greeting,
		'',
		...paragraphs.flatMap((p) => [p, '']),
		link.url,
		'',
		...closing.flatMap((p) => [p, '']),
		SIGNATURE.join('\n')
	].join('\n');
	const html = [
		'<!doctype html>',
		`<html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
		'<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a">',
		`<p>${escapeHtml(greeting)}</p>`,
		...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
		`<p><a href="${escapeHtml(link.url)}" style="color: #154273; font-weight: bold">${escapeHtml(link.label)}</a></p>`,
		// A long link must wrap on a phone instead of widening the whole mail.
		'<p>Werkt de link niet? Kopieer dan dit adres in je browser:</p>',
		`<p style="word-break: break-all">${escapeHtml(link.url)}</p>`,
		...closing.map((p) => `<p>${escapeHtml(p)}</p>`),
		`<p>${SIGNATURE.map(escapeHtml).join('<br>')}</p>`,
		'</body></html>'
	].join('\n');
	return { subject: oneLine(subject), text, html };
}

/** The invitation to a new account: the link lets the person choose a password. */
export function invitationMail(input: { name: string; url: string; days: number }): MailContent {
	return build(
		'Je account voor Wijkspiegel',
		`Hallo ${oneLine(input.name)},`,
		[
			'Er is een account voor je gemaakt in Wijkspiegel, de zelfevaluatie voor wijkteams.',
			'Klik op de link hieronder en kies een wachtwoord. Daarna kun je inloggen.',
			`De link werkt één keer en is ${input.days} dagen geldig. Is hij verlopen? Vraag de beheerder dan om een nieuwe.`
		],
		{ url: input.url, label: 'Kies je wachtwoord' },
		['Verwachtte je deze e-mail niet? Dan kun je hem gewoon weggooien.']
	);
}

/** The link for a new password, for someone who already has an account. */
export function passwordResetMail(input: {
	name: string;
	url: string;
	/** how long the link works, in words: "60 minuten", "7 dagen" */
	validFor: string;
}): MailContent {
	return build(
		'Nieuw wachtwoord voor Wijkspiegel',
		`Hallo ${oneLine(input.name)},`,
		[
			'Je hebt gevraagd om een nieuw wachtwoord voor Wijkspiegel.',
			'Klik op de link hieronder en kies een nieuw wachtwoord. Je oude wachtwoord blijft werken tot je dat doet.',
			`De link werkt één keer en is ${input.validFor} geldig.`
		],
		{ url: input.url, label: 'Kies een nieuw wachtwoord' },
		['Heb je dit niet zelf gevraagd? Dan hoef je niets te doen: je wachtwoord blijft hetzelfde.']
	);
}
