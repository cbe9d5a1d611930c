/**
 * A member's own data, all of it, as one machine-readable JSON document (data portability).
 * Sections held by other modules (the ledger's balances and transfers) are added at composition
 * through `addSection`, so this module never imports them.
 */
import type { MemberRow, MemberService } from './member.service.js';
import type { ConsentService } from './consent.service.js';
import { clock } from '../../platform/clock.js';

const plain = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));

/** Another module's part of the export: everything it holds about the member (and members merged into it). */
export type ExportSection = (memberId: string, member: MemberRow | undefined) => Promise<unknown>;

export class MemberExportService {
  private readonly sections: [string, ExportSection][] = [];

  constructor(
    private readonly members: MemberService,
    private readonly consents: ConsentService,
  ) {}

  addSection(name: string, section: ExportSection): void {
    this.sections.push([name, section]);
  }

  async export(memberId: string): Promise<Record<string, unknown>> {
    const member = (await this.members.byIds([memberId])).get(memberId);
    const sections: Record<string, unknown> = {};
    for (const [name, section] of this.sections) sections[name] = await section(memberId, member);
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
      ...sections,
    }) as Record<string, unknown>;
  }
}
