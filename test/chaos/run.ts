/**
 * `npm run test:chaos` (short settings, ~1 minute) or `npm run test:chaos -- --long`
 * (3 minutes of traffic, five kill -9s, a longer PostgreSQL outage). Prints the
 * summary and exits 1 on any violation. The short run is also inside `npm test`
 * (test/chaos/bank-under-faults.test.ts).
 */
import { formatReport, LONG, runBankChaos, SHORT } from './bank.js';

const long = process.argv.includes('--long');
const started = new Date().toISOString();
console.log(`bank test under faults, ${long ? 'long' : 'short'} version, started ${started}`);
const report = await runBankChaos({ ...(long ? LONG : SHORT), log: (line) => console.log(line) });
console.log(formatReport(report));
process.exit(report.violations.length ? 1 : 0);
