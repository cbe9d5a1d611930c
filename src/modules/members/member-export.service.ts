/** A member's own data, all of it, as one machine-readable JSON document (data portability). */
import type { MemberService } from './member.service.js';
import type { ConsentService } from './consent.service.js';
import type { LedgerService } from '../ledger/ledger.service.js';
import type { HistoryCursor } from '../ledger/ledger.queries.js';
import { clock } from '../../platform/clock.js';

const plain = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));

export class MemberExportService {
  constructor(
    private readonly members: MemberService,
    private readonly consents: ConsentService,
    private readonly ledger: LedgerService,
  ) {}

  async export(memberId: string): Promise<Record<string, unknown>> {
    const member = (await this.members.byIds([memberId])).get(memberId);
    const transfers = [];
    let after: HistoryCursor | undefined;
    for (;;) {
      const page = await this.ledger.queries.history([memberId, ...(member?.mergedFrom ?? [])], {}, 500, after);
      transfers.push(...page.slice(0, 500).map(({ cursorKey: _c, ...t }) => t));
      if (page.length <= 500) break;
      after = page[499]!.cursorKey;
    }
    return plain({
      format: 'coalition-hub.member-export.v1',
      exportedAt: clock.now().toISOString(),
      member: member && {
        id: member.id,
        createdAt: member.createdAt,
        erasedAt: member.erasedAt,
        profile: member.profile,
      },
      links: await this.members.allLinks([memberId]),
      consentHistory: await this.consents.history(memberId),
      balances: await this.ledger.queries.balances([memberId]),
      transfers,
    }) as Record<string, unknown>;
  }
}
