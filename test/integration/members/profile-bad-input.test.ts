/**
 * Invalid profile input — email, phone, birth date, locale, over-long or
 * control-character fields, bad preferences — is refused with BAD_USER_INPUT
 * naming the field, and nothing is written, whether a partner enrols or the
 * member updates their own profile. Valid edge cases go through, normalised.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../support/graphql-client.js';
import { newKey } from '../../support/ledger.js';
import { EnrollMemberFull, UpdateMyProfile, errorField, memberHelpers } from '../../support/members.js';
import { initTestApp, type TestApp, type TestPartner } from '../../support/test-app.js';

let app: TestApp;
let a: TestPartner;
let members: ReturnType<typeof memberHelpers>;
let memberId: string;
let memberToken: string;
beforeAll(async () => {
  app = await initTestApp();
  a = await app.createPartner();
  members = memberHelpers(app);
  memberId = await members.enroll(a, {
    displayName: 'Gita',
    email: 'gita@example.com',
    phone: '+6281200000001',
    birthDate: '1980-05-05',
    locale: 'id-ID',
    preferences: { a: 1 },
  });
  memberToken = await members.signIn(memberId);
});
afterAll(() => app?.close());

const manyPrefs = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]));

const BAD: [string, Record<string, unknown>, string][] = [
  ['a malformed email', { email: 'not-an-email' }, 'email'],
  ['an email without a domain dot', { email: 'a@b' }, 'email'],
  ['an email with a space', { email: 'a b@example.com' }, 'email'],
  [
    'an over-long email',
    { email: `${'x'.repeat(60)}@${['d', 'e', 'f', 'g'].map((c) => c.repeat(60)).join('.')}.com` },
    'email',
  ],
  ['an over-long email local part', { email: `${'x'.repeat(65)}@example.com` }, 'email'],
  ['a phone without +', { phone: '081234567890' }, 'phone'],
  ['a phone starting +0', { phone: '+0123456789' }, 'phone'],
  ['a too-short phone', { phone: '+12345' }, 'phone'],
  ['a too-long phone', { phone: '+1234567890123456' }, 'phone'],
  ['a phone with letters', { phone: '+62812ABC4567' }, 'phone'],
  ['an impossible date', { birthDate: '1990-02-30' }, 'birthDate'],
  ['a non-ISO date', { birthDate: '31-12-1990' }, 'birthDate'],
  ['an unpadded date', { birthDate: '1990-1-1' }, 'birthDate'],
  ['a date with a time', { birthDate: '1990-01-01T00:00:00Z' }, 'birthDate'],
  ['a future birth date', { birthDate: '2999-01-01' }, 'birthDate'],
  ['a birth date before 1900', { birthDate: '1899-12-31' }, 'birthDate'],
  ['a locale that is a word', { locale: 'english' }, 'locale'],
  ['an upper-case language', { locale: 'EN' }, 'locale'],
  ['an underscore locale', { locale: 'en_US' }, 'locale'],
  ['a lower-case region', { locale: 'en-us' }, 'locale'],
  ['an empty display name', { displayName: '   ' }, 'displayName'],
  ['an over-long display name', { displayName: 'x'.repeat(201) }, 'displayName'],
  ['a control character in the name', { displayName: 'Gi\u0007ta' }, 'displayName'],
  ['more than 50 preferences', { preferences: manyPrefs }, 'preferences'],
  ['a preference key starting with a digit', { preferences: { '1st': true } }, 'preferences'],
  ['an over-long preference key', { preferences: { ['k'.repeat(65)]: true } }, 'preferences'],
  ['a nested preference value', { preferences: { nested: { deep: true } } }, 'preferences'],
  ['an array preference value', { preferences: { list: [1, 2] } }, 'preferences'],
  ['a null preference value', { preferences: { gone: null } }, 'preferences'],
  ['an over-long preference value', { preferences: { note: 'y'.repeat(201) } }, 'preferences'],
  ['a control character in a preference value', { preferences: { note: 'a\nb' } }, 'preferences'],
];

describe('enrollMember refuses bad profile input', () => {
  it.each(BAD)('%s → BAD_USER_INPUT on the field, nothing written', async (_what, input, field) => {
    const before = await members.memberCounts();
    const res = await app.gql(
      EnrollMemberFull,
      { input: { customerId: newKey('bad'), email: 'ok@example.com', emailVerified: true, ...input } },
      a.token,
    );
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(errorField(res)).toBe(field);
    expect(res.data).toBeNull();
    expect(await members.memberCounts()).toEqual(before);
  });
});

describe('updateMyProfile refuses bad profile input', () => {
  it.each(BAD)('%s → BAD_USER_INPUT on the field, profile unchanged', async (_what, input, field) => {
    const before = await members.view(memberId);
    // A valid field alongside the bad one must not be written either.
    const res = await app.gql(
      UpdateMyProfile,
      { input: { locale: field === 'locale' ? undefined : 'en', ...input } },
      memberToken,
    );
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(errorField(res)).toBe(field);
    expect((await members.view(memberId)).profile).toEqual(before.profile);
  });

  it('a preferences value that is not an object is refused by the schema, writing nothing', async () => {
    const before = await members.view(memberId);
    for (const preferences of ['plain string', [1, 2], 42]) {
      const res = await app.postJson(
        {
          query: 'mutation($p: JSONObject) { updateMyProfile(input: { preferences: $p }) { preferences } }',
          variables: { p: preferences },
        },
        { token: memberToken },
      );
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    }
    expect((await members.view(memberId)).profile).toEqual(before.profile);
  });

  it('is for member tokens only', async () => {
    expect(errorCodes(await app.gql(UpdateMyProfile, { input: { displayName: 'X' } }, a.token))).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(await app.gql(UpdateMyProfile, { input: { displayName: 'X' } }, await app.operatorToken())),
    ).toEqual(['FORBIDDEN']);
  });
});

describe('valid edge cases go through, normalised', () => {
  it('enrolment normalises email case, phone punctuation, and keeps exact boundaries', async () => {
    const m = await members.enrollFull(a, {
      displayName: `  ${'n'.repeat(200)}  `,
      email: '  Mixed.Case+tag@Example.COM ',
      phone: '+62 (812) 3456-7890',
      birthDate: '2000-02-29',
      locale: 'zh-Hant-TW',
      preferences: {
        ...Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`k${i}`, i])),
        ['k'.repeat(64)]: 'v'.repeat(200),
      },
    });
    const { profile } = await members.view(m.id);
    expect(profile).toMatchObject({
      displayName: 'n'.repeat(200),
      email: 'mixed.case+tag@example.com',
      phone: '+6281234567890',
      birthDate: '2000-02-29',
      locale: 'zh-Hant-TW',
    });
    expect(Object.keys(profile.preferences as object)).toHaveLength(50);
  });

  it('updateMyProfile changes only the given fields', async () => {
    const before = (await members.view(memberId)).profile;
    const updated = (
      await app.gqlOk(UpdateMyProfile, { input: { locale: 'ms-MY', phone: '+60 12-345 6789' } }, memberToken)
    ).updateMyProfile;
    expect(updated).toEqual({ ...before, locale: 'ms-MY', phone: '+60123456789' });
    expect((await members.view(memberId)).profile).toEqual(updated);
  });
});
