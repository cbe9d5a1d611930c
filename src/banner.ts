/** The start-up message: where the hub listens and how to get a token for each role. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';
import type { DemoSeed } from './seed/demo-coalition.js';

export function startupBanner(url: string, config: Config): string {
  const file = path.join(config.dataDir, 'demo-credentials.json');
  const demo = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoSeed) : undefined;
  const lines = [
    '',
    `  Coalition hub ready: ${url}/graphql  (${config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${path.relative(process.cwd(), config.dataDir) || '.'}`})`,
    '',
    '  Tokens:',
    '    operator:  npm run --silent token -- operator',
    '    finance:   npm run --silent token -- finance [--partner <partnerId>]',
    '    partner:   curl -s ' +
      url +
      '/oauth/token -d grant_type=client_credentials -d client_id=<id> -d client_secret=<secret>',
  ];
  if (demo) {
    lines.push('', `  Demo partner credentials (from ${path.relative(process.cwd(), file)}):`);
    for (const p of demo.partners)
      lines.push(`    ${p.code.padEnd(10)} client_id=${p.clientId} client_secret=${p.clientSecret}`);
  }
  lines.push(
    '    member:    a partner calls issueMemberToken(member: { customerId: "KK-1001" }) (read-only, the partner\'s view)',
    '',
    `  Console: ${url}/console  (members: ${url}/console/member)`,
  );
  if (demo?.staff?.length)
    lines.push(
      `    demo staff, one per role: ${demo.staff.map((s) => s.email).join(', ')}`,
      `    their passwords are in ${path.relative(process.cwd(), file)} ("staff")`,
    );
  lines.push('', '');
  return lines.join('\n');
}
