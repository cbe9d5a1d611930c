/**
 * Consent per partner and scope: a partner sees a profile field only under
 * the scope it needs (profile: name, birth date, locale; contact: email,
 * phone; marketing: preferences); revoking hides again; every grant and
 * revocation is kept with its time; a partner reads its own members' consent
 * state and never another partner's; an unknown scope writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../support/graphql-client.js';
import { MemberFull, SetConsent, memberHelpers } from '../../support/members.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let a: TestPartner;
let b: TestPartner;
let outsider: TestPartner;
let members: ReturnType<typeof memberHelpers>;
beforeAll(async () => {
  app = await initTestApp();
  [a, b, outsider] = [await app.createPartner(), await app.createPartner(), await app.createPartner()];
  members = memberHelpers(app);
});
afterAll(() => app?.close());

let n = 0;
const PROFILE = {
  displayName: 'Dewi',
  birthDate: '1985-12-31',
  locale: 'ms-MY',
  phone: '+60123456789',
  preferences: { sms: false, store: 'KL-1' },
};

/** A member linked at A and B, with a member token minted by A. */
async function shared() {
  const email = `consent-${process.pid}-${++n}@example.com`;
  const id = await members.enroll(a, { ...PROFILE, email, emailVerified: true });
  expect(await members.enroll(b, { email, emailVerified: true })).toBe(id);
  return { id, email, token: await members.signIn(id) };
}

const profileAs = async (partner: TestPartner, id: string) => (await members.view(id, partner.token)).profile;

describe('profile fields under consent', () => {
  it('a partner sees nothing without consent, then exactly the fields of each scope it was granted', async () => {
    const m = await shared();
    const none = {
      displayName: null,
      email: null,
      phone: null,
      birthDate: null,
      locale: null,
      preferences: null,
      visibleScopes: [],
    };
    expect(await profileAs(a, m.id)).toEqual(none);

    await members.consent(m.token, a, 'profile');
    expect(await profileAs(a, m.id)).toEqual({
      ...none,
      displayName: 'Dewi',
      birthDate: '1985-12-31',
      locale: 'ms-MY',
      visibleScopes: ['profile'],
    });

    await members.consent(m.token, a, 'contact');
    expect(await profileAs(a, m.id)).toEqual({
      ...none,
      displayName: 'Dewi',
      birthDate: '1985-12-31',
      locale: 'ms-MY',
      email: m.email,
      phone: '+60123456789',
      visibleScopes: ['contact', 'profile'],
    });

    await members.consent(m.token, a, 'marketing');
    expect((await profileAs(a, m.id)).preferences).toEqual({ sms: false, store: 'KL-1' });

    // Consent to A is no consent to B.
    expect(await profileAs(b, m.id)).toEqual(none);
  });

  it('revoking hides the fields again, at once', async () => {
    const m = await shared();
    await members.consent(m.token, b, 'contact');
    expect((await profileAs(b, m.id)).email).toBe(m.email);
    await members.consent(m.token, b, 'contact', false);
    expect(await profileAs(b, m.id)).toMatchObject({ email: null, phone: null, visibleScopes: [] });
  });

  it('the operator and the member see every field regardless of consent', async () => {
    const m = await shared();
    expect((await members.view(m.id)).profile).toMatchObject({
      displayName: 'Dewi',
      email: m.email,
      preferences: { sms: false, store: 'KL-1' },
    });
    expect((await members.me(m.token)).profile.visibleScopes).toEqual(['contact', 'marketing', 'profile']);
  });
});

describe('consent history', () => {
  it('keeps every grant and revocation in order with its time; the current state is the latest', async () => {
    const m = await shared();
    const started = Date.now() - 5_000;
    const g1 = await members.consent(m.token, a, 'marketing');
    const r1 = await members.consent(m.token, a, 'marketing', false);
    const g2 = await members.consent(m.token, b, 'profile');
    const g3 = await members.consent(m.token, a, 'marketing');
    for (const e of [g1, r1, g2, g3]) expect(Date.parse(e.at)).toBeGreaterThan(started);
    const me = await members.me(m.token);
    expect(me.consentHistory.map((e) => [e.partnerId, e.scope, e.granted])).toEqual([
      [a.id, 'marketing', true],
      [a.id, 'marketing', false],
      [b.id, 'profile', true],
      [a.id, 'marketing', true],
    ]);
    expect(me.consentHistory.map((e) => e.at)).toEqual([g1.at, r1.at, g2.at, g3.at]);
    const ats = me.consentHistory.map((e) => Date.parse(e.at));
    expect([...ats].sort((x, y) => x - y)).toEqual(ats);
    expect(me.consents.map((c) => [c.partnerId, c.scope, c.granted]).sort()).toEqual(
      [
        [a.id, 'marketing', true],
        [b.id, 'profile', true],
      ].sort(),
    );
  });
});

describe('which partner reads which consent', () => {
  it("a partner reads its own members' consent state and history, never another partner's", async () => {
    const m = await shared();
    await members.consent(m.token, a, 'profile');
    await members.consent(m.token, a, 'contact', false);
    await members.consent(m.token, b, 'marketing');

    const seenByA = await members.view(m.id, a.token);
    expect(seenByA.consents.map((c) => [c.partnerId, c.scope, c.granted]).sort()).toEqual(
      [
        [a.id, 'contact', false],
        [a.id, 'profile', true],
      ].sort(),
    );
    expect(seenByA.consentHistory.every((c) => c.partnerId === a.id)).toBe(true);
    expect(seenByA.consentHistory).toHaveLength(2);
    const seenByB = await members.view(m.id, b.token);
    expect(seenByB.consents.map((c) => [c.partnerId, c.scope, c.granted])).toEqual([[b.id, 'marketing', true]]);
    expect(seenByB.consentHistory.map((c) => c.partnerId)).toEqual([b.id]);
    expect(JSON.stringify(seenByB)).not.toContain(a.id);

    // A partner the member is not linked to reads nothing at all.
    expect(errorCodes(await app.gql(MemberFull, { ref: { memberId: m.id } }, outsider.token))).toEqual(['NOT_FOUND']);
  });
});

describe('bad consent requests write nothing', () => {
  it.each(['PROFILE', 'email', 'ads', '', 'x'.repeat(500)])(
    'unknown scope %j → UNKNOWN_CONSENT_SCOPE',
    async (scope) => {
      const m = await shared();
      const before = await app.count('consent_event');
      const res = await app.gql(SetConsent, { input: { partnerId: a.id, scope, granted: true } }, m.token);
      expect(errorCodes(res)).toEqual(['UNKNOWN_CONSENT_SCOPE']);
      expect(res.errors![0]!.extensions!.field).toBe('scope');
      expect(res.errors![0]!.message.length).toBeLessThan(200);
      expect(await app.count('consent_event')).toBe(before);
    },
  );

  it('consent for a partner the member is not linked to (or no partner) → NOT_FOUND', async () => {
    const m = await shared();
    const before = await app.count('consent_event');
    for (const partnerId of [outsider.id, '00000000-0000-7000-8000-000000000000', 'not-a-uuid']) {
      expect(
        errorCodes(await app.gql(SetConsent, { input: { partnerId, scope: 'profile', granted: true } }, m.token)),
      ).toEqual(['NOT_FOUND']);
    }
    expect(await app.count('consent_event')).toBe(before);
  });

  it('only the member sets consent: partner and operator tokens are refused', async () => {
    const m = await shared();
    const before = await app.count('consent_event');
    for (const token of [a.token, await app.operatorToken()]) {
      expect(
        errorCodes(await app.gql(SetConsent, { input: { partnerId: a.id, scope: 'profile', granted: true } }, token)),
      ).toEqual(['FORBIDDEN']);
    }
    expect(await app.count('consent_event')).toBe(before);
    expect((await members.view(m.id, a.token)).profile.displayName).toBeNull();
  });
});
