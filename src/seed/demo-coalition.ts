/**
 * The demo coalition seeded on the first start of an empty database: three
 * partners settling in different currencies, client credentials for each, and
 * a few members, some known to more than one brand.
 */
import type { Database } from '../platform/db/orm.js';
import type { Services } from '../modules/index.js';
import { BillingMode, SettlementPeriod } from '../modules/settlement/index.js';
import type { StaffRole } from '../modules/staff/index.js';

export interface DemoSeed {
  partners: { id: string; code: string; name: string; clientId: string; clientSecret: string }[];
  members: { id: string; links: { partner: string; customerId: string }[] }[];
  /** One console staff account per role (issue 18), with its generated password. */
  staff: { email: string; role: StaffRole; partner?: string; password: string }[];
}

/** The console's demo staff: one per role; the partner-scoped ones at Kopi Kita. */
const STAFF: { email: string; role: StaffRole; partner?: string }[] = [
  { email: 'operator@hub.example', role: 'OPERATOR' },
  { email: 'finance@hub.example', role: 'FINANCE' },
  { email: 'finance@kopi-kita.example', role: 'FINANCE', partner: 'kopi-kita' },
  { email: 'admin@kopi-kita.example', role: 'PARTNER_ADMIN', partner: 'kopi-kita' },
  { email: 'analyst@kopi-kita.example', role: 'PARTNER_ANALYST', partner: 'kopi-kita' },
];

/** Three brands settling in three currencies: what each pays per point issued and is paid per point redeemed. */
const PARTNERS = [
  { code: 'kopi-kita', name: 'Kopi Kita Coffee', settlementCurrency: 'IDR', issuePrice: '100', redemptionPrice: '90' },
  { code: 'skyways', name: 'Skyways Airline', settlementCurrency: 'MYR', issuePrice: '0.03', redemptionPrice: '0.025' },
  {
    code: 'freshmart',
    name: 'FreshMart Grocers',
    settlementCurrency: 'USD',
    issuePrice: '0.01',
    redemptionPrice: '0.008',
  },
];

/** Demo people; the same verified email at a second brand links to the same member. */
const MEMBERS = [
  {
    name: 'Ayu Lestari',
    email: 'ayu@example.com',
    links: [
      { partner: 'kopi-kita', customerId: 'KK-1001' },
      { partner: 'skyways', customerId: 'SKY-88001' },
    ],
  },
  { name: 'Budi Santoso', email: 'budi@example.com', links: [{ partner: 'kopi-kita', customerId: 'KK-1002' }] },
  {
    name: 'Chen Wei',
    email: 'chen@example.com',
    links: [
      { partner: 'skyways', customerId: 'SKY-88002' },
      { partner: 'freshmart', customerId: 'FM-5001' },
    ],
  },
  { name: 'Dana Reyes', email: 'dana@example.com', links: [{ partner: 'freshmart', customerId: 'FM-5002' }] },
];

/** Seeds only when there are no partners yet; returns undefined otherwise. */
export async function seedDemoCoalition(
  db: Database,
  services: Pick<Services, 'partners' | 'members' | 'settlement' | 'staff'>,
): Promise<DemoSeed | undefined> {
  const [{ n }] = (await db.sql.query<{ n: number }>('select count(*)::int as n from partner')) as [{ n: number }];
  if (n > 0) return undefined;
  const { partners: partnerService, members: memberService } = services;
  const contracts = services.settlement.contracts;
  const seed: DemoSeed = { partners: [], members: [], staff: [] };
  for (const p of PARTNERS) {
    const partner = await partnerService.create(p);
    await contracts.set({
      partnerId: partner.id,
      settlementCurrency: p.settlementCurrency,
      issuePrice: p.issuePrice,
      redemptionPrice: p.redemptionPrice,
      billingMode: BillingMode.POSTPAID,
      period: SettlementPeriod.MONTHLY,
    });
    const creds = await partnerService.createCredentials(partner.id, null, 'demo');
    seed.partners.push({
      id: partner.id,
      code: p.code,
      name: p.name,
      clientId: creds.clientId,
      clientSecret: creds.clientSecret,
    });
  }
  const idOf = (code: string) => seed.partners.find((p) => p.code === code)!.id;
  for (const person of MEMBERS) {
    let memberId: string | undefined;
    for (const link of person.links) {
      const { member } = await memberService.enroll(idOf(link.partner), {
        customerId: link.customerId,
        displayName: person.name,
        email: person.email,
        emailVerified: true,
      });
      memberId ??= member.id;
    }
    seed.members.push({ id: memberId!, links: person.links });
  }
  for (const person of STAFF) {
    const partnerId = person.partner ? idOf(person.partner) : undefined;
    const { password } = await services.staff.add({ email: person.email, role: person.role, partnerId });
    seed.staff.push({ ...person, password });
  }
  return seed;
}
