import { Entity, PrimaryKey, Property, Enum } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { clock } from '../../platform/clock.js';

export enum PartnerStatus {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(PartnerStatus, {
  name: 'PartnerStatus',
  description: 'A suspended partner cannot authenticate; its tokens stop working at once.',
});

/** A brand in the coalition. Also the federated `Partner` entity. */
@Entity({ tableName: 'partner' })
@ObjectType({ description: 'A partner brand of the coalition.' })
@Directive('@key(fields: "id")')
export class Partner {
  [OptionalProps]?: 'status' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'text', unique: true })
  @Field(() => String, { description: 'Short unique handle, lower-case letters, digits and dashes.' })
  code!: string;

  @Property({ type: 'text' })
  @Field(() => String)
  name!: string;

  @Enum({ items: () => PartnerStatus, type: 'text' })
  @Field(() => PartnerStatus)
  status: PartnerStatus = PartnerStatus.ACTIVE;

  @Property({ type: 'character', length: 3 })
  @Field(() => String, { description: 'ISO 4217 code of the fiat currency this partner settles in.' })
  settlementCurrency!: string;

  @Property({ type: 'datetime', defaultRaw: 'hub_now()' })
  @Field(() => Date)
  createdAt: Date = clock.now();

  @Property({ type: 'datetime', defaultRaw: 'hub_now()', onUpdate: () => clock.now() })
  @Field(() => Date)
  updatedAt: Date = clock.now();
}
