/**
 * The audit trail: every administrative mutation leaves append-only records of what it changed, in the same
 * transaction, with who, which request and before/after — never a secret or personal data; partners read
 * only their own; postings and other non-administrative mutations leave nothing. The authorization matrix
 * (test/integration/security) checks additionally that every administrative call it makes was recorded.
 */
import { readFileSync } from 'node:fs';
import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../../generated/index.js';
import { buildHubSchema } from '../../../src/schema.js';
import { auditedMutations } from '../../../src/platform/graphql/audited.js';
import { NOT_ADMINISTRATIVE } from '../../../src/modules/audit/index.js';
import { ledgerHelpers, newKey, type LedgerHelpers } from '../../support/ledger.js';
import { settlementHelpers, SetPartnerContract } from '../../support/settlement.js';
import { EraseMember } from '../../support/members.js';
import { initTestApp, type TestApp, type TestDriver, type TestPartner } from '../../support/test-app.js';

const AuditRecords = graphql(`
  query AuditRecords($filter: AuditRecordFilter, $first: Int, $after: String) {
    auditRecords(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        at
        requestId
        operation
        actorRole
        actorSubject
        partnerId
        targetTable
        targetId
        action
        changes {
          field
          before
          after
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const CreateCredentials = graphql(`
  mutation AuditCreateCredentials($partnerId: ID!) {
    createPartnerCredentials(input: { partnerId: $partnerId, label: "till 7" }) {
      clientId
      clientSecret
    }
  }
`);

describe('every mutation is classified', () => {
  it('each Mutation field of the schema is either @Audited() or listed as not administrative (with a reason), never both', async () => {
    await buildHubSchema();
    const doc = parse(readFileSync(new URL('../../../schema/schema.graphql', import.meta.url), 'utf8'));
    const mutations = doc.definitions
      .filter(
        (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Mutation',
      )
      .flatMap((d) => d.fields!.map((f) => f.name.value));
    const unclassified = mutations.filter((m) => !auditedMutations.has(m) && !(m in NOT_ADMINISTRATIVE));
    expect(unclassified).toEqual([]);
    expect([...auditedMutations].filter((m) => m in NOT_ADMINISTRATIVE)).toEqual([]);
    expect([...auditedMutations, ...Object.keys(NOT_ADMINISTRATIVE)].filter((m) => !mutations.includes(m))).toEqual([]);
  });
});

for (const driver of ['postgresql', 'pglite'] as TestDriver[]) {
  describe(`audit trail (${driver})`, () => {
    let app: TestApp;
    let ledger: LedgerHelpers;
    let settlement: ReturnType<typeof settlementHelpers>;
    let a: TestPartner;
    let b: TestPartner;
    let operator: string;
    beforeAll(async () => {
      app = await initTestApp({ driver });
      ledger = ledgerHelpers(app);
      settlement = settlementHelpers(app);
      a = await app.createPartner();
      b = await app.createPartner();
      operator = await app.operatorToken();
    });
    afterAll(() => app?.close());

    const records = async (filter: Record<string, unknown>, token = operator, first = 50) =>
      (await app.gqlOk(AuditRecords, { filter, first }, token)).auditRecords.nodes;

    it('a contract change is recorded with who, which request, and the fields before and after', async () => {
      const requestId = newKey('req');
      const first = await app.gqlOk(
        SetPartnerContract,
        { input: settlement.contractInput(a, { issuePrice: '0.01' }) },
        { token: operator, headers: { 'x-request-id': requestId } },
      );
      const [rec] = await records({ requestId });
      expect(rec).toMatchObject({
        operation: 'setPartnerContract',
        actorRole: 'OPERATOR',
        actorSubject: 'operator:test',
        partnerId: a.id,
        targetTable: 'partner_contract',
        targetId: first.setPartnerContract.id,
        action: 'INSERT',
        requestId,
      });
      expect(rec!.changes.find((c) => c.field === 'issue_price')).toEqual({
        field: 'issue_price',
        before: null,
        after: '0.01',
      });
      // Every contract version is recorded; the partner's own view lists them, newest first.
      await app.gqlOk(SetPartnerContract, { input: settlement.contractInput(a, { issuePrice: '0.02' }) }, operator);
      const own = await records({ targetTable: 'partner_contract' }, a.token);
      expect(own.length).toBeGreaterThanOrEqual(2);
      expect(own.every((r) => r.partnerId === a.id)).toBe(true);
      expect(Number(own[0]!.id)).toBeGreaterThan(Number(own[1]!.id));
    });

    it('credentials: recorded without their secret or its hash; revocation records before and after', async () => {
      const requestId = newKey('req');
      const creds = (
        await app.gqlOk(
          CreateCredentials,
          { partnerId: a.id },
          { token: operator, headers: { 'x-request-id': requestId } },
        )
      ).createPartnerCredentials;
      const [rec] = await records({ requestId });
      expect(rec).toMatchObject({
        operation: 'createPartnerCredentials',
        targetTable: 'partner_credential',
        targetId: creds.clientId,
      });
      expect(rec!.changes.map((c) => c.field)).not.toContain('secret_hash');
      const [{ dump }] = await app.hub.db.sql.query<{ dump: string }>(
        `select coalesce(string_agg(t::text, ''), '') as dump from audit_record t`,
      );
      expect(dump).not.toContain(creds.clientSecret);
      expect(dump).not.toContain('scrypt$');
      const revoke = newKey('req');
      await app.postJson(
        { query: `mutation($c: String!) { revokePartnerCredentials(clientId: $c) }`, variables: { c: creds.clientId } },
        { token: operator, headers: { 'x-request-id': revoke } },
      );
      const [revoked] = await records({ requestId: revoke });
      expect(revoked).toMatchObject({ action: 'UPDATE', targetId: creds.clientId });
      expect(revoked!.changes.map((c) => [c.field, c.before])).toEqual([['revoked_at', 'null']]);
    });

    it('an erasure is recorded with ids and times only: no name, e-mail or customer id reaches the trail', async () => {
      const email = `erase.audit.${newKey('e')}@example.org`;
      const customerId = newKey('cust');
      const member = (
        await app.postJson<{ enrollMember: { id: string } }>(
          {
            query: `mutation($input: EnrollMemberInput!) { enrollMember(input: $input) { id } }`,
            variables: { input: { customerId, displayName: 'Sekar Audit-Wulandari', email, emailVerified: true } },
          },
          { token: a.token },
        )
      ).data!.enrollMember.id;
      const requestId = newKey('req');
      await app.gqlOk(EraseMember, { memberId: member }, { token: operator, headers: { 'x-request-id': requestId } });
      const recs = await records({ requestId });
      expect(recs.map((r) => `${r.targetTable} ${r.action}`)).toEqual(expect.arrayContaining(['member UPDATE']));
      expect(recs.every((r) => r.operation === 'eraseMember')).toBe(true);
      const dump = JSON.stringify(recs);
      for (const secret of [email, email.split('@')[0]!, 'Sekar', 'Wulandari', customerId])
        expect(dump).not.toContain(secret);
    });

    it('postings and enrolments (not administrative) leave no record', async () => {
      const requestId = newKey('req');
      const member = (
        await app.postJson<{ enrollMember: { id: string } }>(
          {
            query: `mutation($c: String!) { enrollMember(input: { customerId: $c }) { id } }`,
            variables: { c: newKey('c') },
          },
          { token: a.token, headers: { 'x-request-id': requestId } },
        )
      ).data!.enrollMember.id;
      await ledger.earnOk(a, member, 10);
      expect(await records({ requestId })).toEqual([]);
      expect(await records({ targetId: member })).toEqual([]);
    });

    it('partners and partner finance read only their own records; members cannot read the trail', async () => {
      await app.gqlOk(SetPartnerContract, { input: settlement.contractInput(b) }, operator);
      const forB = await records({ partnerId: b.id });
      expect(forB.length).toBeGreaterThan(0);
      expect((await records({}, a.token)).every((r) => r.partnerId === a.id)).toBe(true);
      expect((await records({}, await app.financeToken(a.id))).every((r) => r.partnerId === a.id)).toBe(true);
      const foreign = await app.gql(AuditRecords, { filter: { partnerId: b.id } }, a.token);
      expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const member = await ledger.enroll(a);
      const asMember = await app.gql(AuditRecords, {}, await app.memberSessionToken(member));
      expect(asMember.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await app.gql(AuditRecords, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('pages newest first with opaque cursors; bad filters are BAD_USER_INPUT', async () => {
      const page1 = (await app.gqlOk(AuditRecords, { first: 2 }, operator)).auditRecords;
      expect(page1.nodes).toHaveLength(2);
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const page2 = (await app.gqlOk(AuditRecords, { first: 2, after: page1.pageInfo.endCursor }, operator))
        .auditRecords;
      expect(Number(page2.nodes[0]!.id)).toBeLessThan(Number(page1.nodes[1]!.id));
      for (const filter of [
        { operation: 'x'.repeat(201) },
        { targetId: 'a\u0000b' },
        { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
      ])
        expect((await app.gql(AuditRecords, { filter }, operator)).errors?.[0]?.extensions?.code).toBe(
          'BAD_USER_INPUT',
        );
      expect((await app.gql(AuditRecords, { after: 'bm90LWEtY3Vyc29y' }, operator)).errors?.[0]?.extensions?.code).toBe(
        'BAD_USER_INPUT',
      );
    });

    it('exports as CSV with the same rules (one line per changed field)', async () => {
      const res = await fetch(`${app.url}/audit/records.csv?operation=setPartnerContract&partnerId=${a.id}`, {
        headers: { authorization: `Bearer ${operator}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/csv');
      const lines = (await res.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe(
        'id,at,request_id,operation,actor_role,actor_subject,partner_id,target_table,target_id,action,field,before,after',
      );
      expect(lines.slice(1).every((l) => l.includes(',setPartnerContract,') && l.includes(a.id))).toBe(true);
      expect(lines.some((l) => l.includes(',issue_price,'))).toBe(true);
      const denied = await fetch(`${app.url}/audit/records.csv?partnerId=${b.id}`, {
        headers: { authorization: `Bearer ${a.token}` },
      });
      expect(denied.status).toBe(403);
      expect((await fetch(`${app.url}/audit/records.csv`)).status).toBe(401);
    });

    it('is append-only: the database refuses to change or delete a record', async () => {
      await expect(app.hub.db.sql.query(`update audit_record set operation = 'forged'`)).rejects.toThrow(/append-only/);
      await expect(app.hub.db.sql.query(`delete from audit_record`)).rejects.toThrow(/append-only/);
    });
  });
}
