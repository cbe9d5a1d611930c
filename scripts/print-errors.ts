/**
 * `npm run errors`: writes docs/errors.md from the error catalogue.
 * `npm run errors -- --check`: exits 1 when the checked-in file is stale (CI).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ERRORS_FILE, printErrorsDoc } from './errors-doc.js';

const doc = printErrorsDoc();
const relative = path.relative(process.cwd(), ERRORS_FILE);
if (process.argv.includes('--check')) {
  const current = existsSync(ERRORS_FILE) ? readFileSync(ERRORS_FILE, 'utf8') : '';
  if (current !== doc) {
    process.stderr.write(`${relative} is out of date with the code: run \`npm run errors\` and commit the result.\n`);
    process.exit(1);
  }
  process.stdout.write(`${relative} is up to date\n`);
} else {
  mkdirSync(path.dirname(ERRORS_FILE), { recursive: true });
  writeFileSync(ERRORS_FILE, doc);
  process.stdout.write(`wrote ${relative}\n`);
}
