// `npm run audit`: production dependencies must have no high or critical advisory.
// Some registries (mirrors) do not offer npm's audit endpoint; then this says so plainly and
// does not block, since nothing was checked rather than something found.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
	report = JSON.parse(result.stdout || '{}');
} catch {
	report = {};
}
const counts = report.metadata?.vulnerabilities;
if (!counts) {
	// The message up to the address: the status is what matters, e.g. "405 Method Not Allowed".
	const reason =
		report.error?.summary || report.message?.split(' - ')[0] || 'geen antwoord van de registry';
	console.log(`npm audit kon niet draaien (${reason}): niet gecontroleerd.`);
	process.exit(0);
}
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(
	`npm audit (productie): ${counts.critical ?? 0} kritiek, ${counts.high ?? 0} hoog, ${counts.moderate ?? 0} middel, ${counts.low ?? 0} laag`
);
process.exit(serious > 0 ? 1 : 0);
