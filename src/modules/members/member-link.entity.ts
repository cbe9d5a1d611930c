import { Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { OptionalProps, PrimaryKeyProp } from '@mikro-orm/core';
import { Partner } from '../partners/partner.entity.js';
import { Member } from './member.entity.js';

/** A partner's own customer id for a member: (partner, customerId) → member. */
@Entity({ tableName: 'member_link' })
export class MemberLink {
  [PrimaryKeyProp]?: ['partner', 'customerId'];
  [OptionalProps]?: 'createdAt';

  @ManyToOne(() => Partner, { primary: true, fieldName: 'partner_id' })
  partner!: Partner;

  @Property({ type: 'text', primary: true })
  customerId!: string;

  @ManyToOne(() => Member, { fieldName: 'member_id' })
  member!: Member;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
