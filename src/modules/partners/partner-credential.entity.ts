import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';
import { Partner } from './partner.entity.js';
import { clock } from '../../platform/clock.js';

/** OAuth2 client credentials of a partner. The secret is kept only as a slow hash. */
@Entity({ tableName: 'partner_credential' })
export class PartnerCredential {
  [OptionalProps]?: 'createdAt' | 'revokedAt' | 'label';

  @PrimaryKey({ type: 'text' })
  clientId!: string;

  @ManyToOne(() => Partner, { fieldName: 'partner_id' })
  partner!: Partner;

  @Property({ type: 'text' })
  secretHash!: string;

  @Property({ type: 'text[]' })
  scopes!: string[];

  @Property({ type: 'text', nullable: true })
  label?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'hub_now()' })
  createdAt: Date = clock.now();

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;
}
