/**
 * Posting contributors (src/modules/ledger/posting.ts): other modules' CTEs join the ledger's ONE posting
 * statement, numbered after the ledger's parameters; the statement is composed once and then closed.
 */
import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import {
  LEDGER_POSTING_PARAMETERS,
  Posting,
  PostingRegistry,
  type PostingContributor,
} from '../../src/modules/ledger/posting.js';
import { settlementPosting } from '../../src/modules/settlement/settlement.posting.js';

const probe = (name: string, parameters: number): PostingContributor => ({
  name,
  parameters,
  ctes: (p) => `${name} as (select ${Array.from({ length: parameters }, (_, i) => p(i)).join(', ')})`,
  params: () => Array.from({ length: parameters }, () => []),
});

describe('posting contributors', () => {
  it("number their parameters after the ledger's and earlier contributors', in one statement", () => {
    const posting = new Posting([probe('x', 2), probe('y', 1)]);
    const first = LEDGER_POSTING_PARAMETERS + 1;
    expect(posting.sql).toContain(`x as (select $${first}, $${first + 1})`);
    expect(posting.sql).toContain(`y as (select $${first + 2})`);
    expect(posting.sql.match(/^\s*with /gm)).toHaveLength(1);
    expect(posting.sql.trim().endsWith('select count(*)::int as posted from t')).toBe(true);
    expect(posting.params([], [], () => false)).toHaveLength(first + 2);
  });

  it('refuse a contributor whose parameters do not match what it declared', () => {
    const liar = { ...probe('z', 2), params: () => [[]] };
    expect(() => new Posting([liar]).params([], [], () => false)).toThrow('gave 1 parameters, not 2');
    expect(() => new Posting([{ ...probe('w', 1), ctes: (p) => `w as (select ${p(1)})` }])).toThrow(
      'has no parameter 1',
    );
  });

  it('cannot register once the statement is composed', () => {
    const registry = new PostingRegistry();
    registry.register(settlementPosting);
    const sealed = registry.seal();
    expect(registry.posting).toBe(sealed);
    expect(sealed.sql).toContain('insert into transfer_valuation');
    expect(() => registry.register(probe('late', 0))).toThrow('registered after the posting was composed');
  });
});
