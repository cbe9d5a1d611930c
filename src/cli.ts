/**
 * The hub's command line, for operators on the machine that holds the keys:
 *   token operator                 an operator access token
 *   token finance [--partner ID]   a finance token, hub-wide or for one partner
 *   keys                           a fresh private signing key (JWK) for HUB_SIGNING_KEYS
 *   migrate                        apply pending migrations and exit
 *   expire                         release expired holds and expire lots now (the sweep the hub also runs on an interval)
 *   staff add --email E --role R [--partner ID]   a console staff account; prints its generated password once
 */
import 'reflect-metadata';
import { loadConfig } from './config.js';
import { loadKeyStore, generatePrivateJwk } from './platform/auth/key-store.js';
import { TokenService } from './platform/auth/token-service.js';
import { Role } from './platform/auth/principal.js';
import { openHubDatabase } from './database.js';
import { isUuid } from './platform/ids.js';
import { createServices } from './modules/index.js';
import { createLogger } from './platform/logger.js';
import { StaffService, STAFF_ROLES, type StaffRole } from './modules/staff/index.js';
import { runAudited } from './platform/db/audit-context.js';
import { userInfo } from 'node:os';

const USAGE = `usage:
  npm run token -- operator [--ttl SECONDS]
  npm run token -- finance [--partner PARTNER_ID] [--ttl SECONDS]
  npm run hub -- keys
  npm run hub -- migrate
  npm run hub -- expire
  npm run hub -- staff add --email EMAIL --role operator|finance|partner-admin|partner-analyst [--partner PARTNER_ID]`;

function flag(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  if (command === 'token') {
    const [role, ...args] = rest;
    const tokens = new TokenService(await loadKeyStore(config), config);
    const ttl = Number(flag(args, '--ttl') ?? 3600);
    if (role === 'operator') {
      process.stdout.write((await tokens.sign({ role: Role.OPERATOR, subject: 'operator:cli' }, ttl)).token + '\n');
      return 0;
    }
    if (role === 'finance') {
      const partnerId = flag(args, '--partner');
      if (partnerId && !isUuid(partnerId)) throw new Error('--partner must be a partner id (uuid)');
      const subject = partnerId ? `finance:${partnerId}` : 'finance:hub';
      process.stdout.write((await tokens.sign({ role: Role.FINANCE, subject, partnerId }, ttl)).token + '\n');
      return 0;
    }
  }
  if (command === 'keys') {
    process.stdout.write(JSON.stringify(await generatePrivateJwk()) + '\n');
    return 0;
  }
  if (command === 'expire') {
    // With the embedded database, stop the hub first: PGlite admits one process at a time.
    const db = await openHubDatabase(config);
    try {
      await db.migrate();
      // Built like the hub's, so the sweep's postings carry every module's contribution.
      const keys = await loadKeyStore(config);
      const { ledger } = createServices(
        db,
        config,
        new TokenService(keys, config),
        keys,
        // Logs to stderr: stdout carries the command's answer.
        createLogger(config.logLevel, (line) => process.stderr.write(line + '\n')),
      );
      const result = await ledger.expiry.sweep();
      process.stdout.write(
        `holds expired: ${result.holdsExpired}, wallets expired: ${result.walletsExpired}, points expired: ${result.pointsExpired}\n`,
      );
    } finally {
      await db.close();
    }
    return 0;
  }
  if (command === 'migrate') {
    const db = await openHubDatabase(config);
    const applied = await db.migrate();
    await db.analyze();
    await db.close();
    process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'up to date\n');
    return 0;
  }
  if (command === 'staff' && rest[0] === 'add') {
    const role = (flag(rest, '--role') ?? '').toUpperCase().replace('-', '_') as StaffRole;
    const email = flag(rest, '--email');
    if (!email || !STAFF_ROLES.includes(role)) {
      process.stderr.write(USAGE + '\n');
      return 2;
    }
    // With the embedded database, stop the hub first: PGlite admits one process at a time.
    const db = await openHubDatabase(config);
    try {
      await db.migrate();
      // Staff accounts are administrative: the audit trail records who ran the command.
      const { account, password } = await runAudited(
        { operation: 'cli staff add', role: 'CLI', subject: `cli:${userInfo().username}` },
        () => new StaffService(db.sql).add({ email, role, partnerId: flag(rest, '--partner') }),
      );
      process.stdout.write(
        `staff account ${account.email} (${account.role}) added; its password (shown once): ${password}\n`,
      );
    } finally {
      await db.close();
    }
    return 0;
  }
  process.stderr.write(USAGE + '\n');
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
