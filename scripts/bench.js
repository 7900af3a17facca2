// `npm run bench [-- FLAG]`: one of the benchmarks, each its own module in scripts/lib. They print
// figures beside their targets and the machine's load average; they are no tests.
//
//   (no flag)         the respondent's save under load, beside references (lib/save-bench.js)
//   --soak            500 respondents complete the whole questionnaire at once (lib/soak.js);
//                     BENCH_SOAK=1 does the same
//   --compare [FILE]  comparisons and exports on the large dataset of `npm run bench:data`
//                     (lib/compare-bench.js)
//
// Exit code 0 when it ran (missed targets are printed), 1 when it broke or its check failed (answers
// lost, errors in the soak, no dataset).
import { runCompareBench } from './lib/compare-bench.js';
import { runSaveBench } from './lib/save-bench.js';
import { runSoak } from './lib/soak.js';

const args = process.argv.slice(2);

/** @type {{ name: string, run: () => Promise<boolean> }} */
const bench = args.includes('--compare')
	? { name: 'Bench', run: () => runCompareBench(args[args.indexOf('--compare') + 1]) }
	: args.includes('--soak') || process.env.BENCH_SOAK === '1'
		? { name: 'Soak', run: runSoak }
		: { name: 'Bench', run: runSaveBench };

bench.run().then(
	(ok) => {
		if (!ok) process.exitCode = 1;
	},
	(error) => {
		console.error(`\n${bench.name} afgebroken: ${error instanceof Error ? error.stack : error}`);
		process.exit(1);
	}
);
