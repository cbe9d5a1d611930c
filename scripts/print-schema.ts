/**
 * `npm run schema`: writes the federated subgraph SDL to schema/schema.graphql.
 * `npm run schema -- --check`: exits 1 when the checked-in file is stale (CI).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SCHEMA_FILE, printHubSdl } from './hub-sdl.js';

const sdl = await printHubSdl();
const relative = path.relative(process.cwd(), SCHEMA_FILE);
if (process.argv.includes('--check')) {
  const current = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, 'utf8') : '';
  if (current !== sdl) {
    process.stderr.write(`${relative} is out of date with the code: run \`npm run schema\` and commit the result.\n`);
    process.exit(1);
  }
  process.stdout.write(`${relative} is up to date\n`);
} else {
  mkdirSync(path.dirname(SCHEMA_FILE), { recursive: true });
  writeFileSync(SCHEMA_FILE, sdl);
  process.stdout.write(`wrote ${relative}\n`);
}
