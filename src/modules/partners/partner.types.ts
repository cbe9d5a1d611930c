/** GraphQL inputs and payloads of the partners module. */
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../../platform/graphql/pagination.js';
import { Partner, PartnerStatus } from './partner.entity.js';

@ObjectType()
export class PartnerConnection extends Connection(Partner, 'Partner') {}

@InputType()
export class CreatePartnerInput {
  @Field(() => String, { description: 'Short unique handle, e.g. "kopi-kita".' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'ISO 4217 code, e.g. "IDR".' })
  settlementCurrency!: string;
}

@InputType()
export class UpdatePartnerInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => PartnerStatus, { nullable: true })
  status?: PartnerStatus | null;
}

@InputType()
export class CreatePartnerCredentialsInput {
  @Field(() => ID)
  partnerId!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Scopes the credentials may request; all partner scopes when omitted.',
  })
  scopes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'A note for operators, e.g. "POS integration".' })
  label?: string | null;
}

@ObjectType({ description: 'OAuth2 client credentials. The secret is shown only in this response.' })
export class PartnerCredentials {
  @Field(() => String)
  clientId!: string;

  @Field(() => String, { description: 'Shown once; the hub keeps only a slow hash of it.' })
  clientSecret!: string;

  @Field(() => ID)
  partnerId!: string;

  @Field(() => [String])
  scopes!: string[];

  @Field(() => String, { description: 'Where to exchange them for an access token.' })
  tokenEndpoint!: string;
}
