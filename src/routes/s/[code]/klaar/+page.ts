// No JavaScript on this page: it only thanks and shows text, so it loads without the framework's
// client (issue 15: respondent pages stay under 32 KB of JavaScript).
export const csr = false;
