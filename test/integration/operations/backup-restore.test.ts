/**
 * Backups that restore (README "Backups and restore"). PostgreSQL: a base backup taken while earns are being
 * acknowledged, restored into a fresh cluster, serves a hub on which every invariant holds and every earn
 * acknowledged before the backup began is present; the same backup plus the archived WAL (point-in-time
 * recovery) has every acknowledged earn. The embedded database: stop the hub, copy `DATA_DIR`, start a hub on
 * the copy — everything is there.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startBackupLab, type BackupLab } from '../../support/backup.js';
import { sqlOnce } from '../../support/postgres-cluster.js';
import { ledgerHelpers, LedgerInvariants } from '../../support/ledger.js';
import { initTestApp, type TestApp } from '../../support/test-app.js';

async function expectIntact(app: TestApp, transferIds: string[]): Promise<void> {
  const { ledgerInvariants } = await app.gqlOk(LedgerInvariants, {}, await app.operatorToken());
  expect(ledgerInvariants).toEqual({ ok: true, violations: [] });
  const found = await app.hub.db.sql.query<{ id: string }>(`select id::text from transfer where id = any($1::uuid[])`, [
    transferIds,
  ]);
  expect(new Set(found.map((r) => r.id))).toEqual(new Set(transferIds));
}

describe('PostgreSQL: base backup under earn traffic, restored (and to the end of the archived WAL)', () => {
  let lab: BackupLab | undefined;
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const a of apps) await a.close();
    await lab?.cleanup();
  });

  it('restores with every invariant intact and every acknowledged earn present', async () => {
    lab = await startBackupLab();
    await sqlOnce(lab.primary.adminUrl, 'create database hub');
    const app = await initTestApp({ config: { databaseUrl: lab.primary.urlFor('hub'), dbPoolSize: 4 } });
    apps.push(app);
    const ledger = ledgerHelpers(app);
    const shop = await app.createPartner();
    const members = await Promise.all(Array.from({ length: 4 }, () => ledger.enroll(shop)));

    // Four clients earning without pause; each acknowledged earn is noted with the phase it was acknowledged in.
    const acked: { id: string; phase: number }[] = [];
    let phase = 0;
    let stop = false;
    const traffic = members.map(async (member) => {
      while (!stop) {
        const res = await ledger.earn(shop, member, 7);
        const id = res.data?.earnPoints.transfer?.id;
        if (id) acked.push({ id, phase });
      }
    });
    const until = async (n: number) => {
      while (acked.length < n) await new Promise((r) => setImmediate(r));
    };
    await until(20);
    phase = 1; // acknowledged from here on: may or may not be in the base backup
    const backup = await lab.baseBackup();
    const inBackupCount = acked.length;
    await until(inBackupCount + 20);
    stop = true;
    await Promise.all(traffic);
    await lab.archiveCurrentWal();

    const beforeBackup = acked.filter((a) => a.phase === 0).map((a) => a.id);
    const all = acked.map((a) => a.id);
    expect(beforeBackup.length).toBeGreaterThanOrEqual(20);
    expect(all.length).toBeGreaterThan(beforeBackup.length + 19);

    // The base backup alone: consistent, every earn acknowledged before it began, and not what came after it ended.
    const restored = await lab.restore(backup);
    const onBackup = await initTestApp({ config: { databaseUrl: restored.urlFor('hub'), dbPoolSize: 2 } });
    apps.push(onBackup);
    await expectIntact(onBackup, beforeBackup);
    const [{ n }] = await onBackup.hub.db.sql.query<{ n: number }>(
      `select count(*)::int as n from transfer where id = any($1::uuid[])`,
      [all],
    );
    expect(n).toBeLessThan(all.length);

    // Base backup + archived WAL: every acknowledged earn, with the same balances as the primary.
    const recovered = await lab.restore(backup, { pointInTime: true });
    const onRecovered = await initTestApp({ config: { databaseUrl: recovered.urlFor('hub'), dbPoolSize: 2 } });
    apps.push(onRecovered);
    await expectIntact(onRecovered, all);
    const balances = (a: TestApp) => a.hub.db.sql.query(`select id::text, balance::text from account order by id`);
    expect(await balances(onRecovered)).toEqual(await balances(app));
  }, 240_000);
});

describe('embedded database: stop, copy DATA_DIR, start on the copy', () => {
  it('has every invariant and every earn on the copy', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hub-embedded-'));
    const copy = `${dataDir}-copy`;
    try {
      const app = await initTestApp({ driver: 'pglite', config: { dataDir } });
      const ledger = ledgerHelpers(app);
      const shop = await app.createPartner();
      const member = await ledger.enroll(shop);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await ledger.earnOk(shop, member, 11)).transfer!.id);
      await app.close(); // stop first: PGlite's files are only consistent when closed
      cpSync(dataDir, copy, { recursive: true });
      const onCopy = await initTestApp({ driver: 'pglite', config: { dataDir: copy } });
      try {
        await expectIntact(onCopy, ids);
        expect((await ledgerHelpers(onCopy).balance(member)).available).toBe('55');
      } finally {
        await onCopy.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(copy, { recursive: true, force: true });
    }
  }, 120_000);
});
