/** GraphQL types of the audit trail. */
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../platform/graphql/pagination.js';

export enum AuditAction {
  INSERT = 'INSERT',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
}
registerEnumType(AuditAction, { name: 'AuditAction', description: 'What happened to the audited row.' });

@ObjectType({ description: 'One field of an audited row, before and after (JSON text; null when absent).' })
export class AuditChange {
  @Field(() => String)
  field!: string;

  @Field(() => String, { nullable: true })
  before!: string | null;

  @Field(() => String, { nullable: true })
  after!: string | null;
}

@ObjectType({
  description:
    'A row an administrative mutation inserted, changed or deleted, recorded in the same transaction. Secrets and personal data are never recorded.',
})
export class AuditRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => String, { nullable: true, description: 'The request id (`x-request-id`) of the change.' })
  requestId!: string | null;

  @Field(() => String, { description: 'The mutation (or CLI command) that made the change.' })
  operation!: string;

  @Field(() => String, { description: 'The role of the caller (OPERATOR, FINANCE, PARTNER, MEMBER).' })
  actorRole!: string;

  @Field(() => String, { description: 'Who: the token subject (e.g. `operator:alice`, a client id).' })
  actorSubject!: string;

  @Field(() => ID, { nullable: true, description: 'The partner whose record this is, if any.' })
  partnerId!: string | null;

  @Field(() => String, { description: 'The table of the changed row (e.g. `partner_contract`).' })
  targetTable!: string;

  @Field(() => String, { description: "The changed row's id." })
  targetId!: string;

  @Field(() => AuditAction)
  action!: AuditAction;

  @Field(() => [AuditChange], { description: 'The fields that changed (every recorded field of an insert or delete).' })
  changes!: AuditChange[];
}

@ObjectType()
export class AuditRecordConnection extends Connection(AuditRecord, 'AuditRecord') {}

@InputType({ description: 'Filters of the audit trail; all optional, combined with AND.' })
export class AuditRecordFilter {
  @Field(() => ID, { nullable: true, description: "Only this partner's records (hub-wide readers)." })
  partnerId?: string | null;

  @Field(() => String, { nullable: true })
  operation?: string | null;

  @Field(() => String, { nullable: true })
  targetTable?: string | null;

  @Field(() => String, { nullable: true })
  targetId?: string | null;

  @Field(() => String, { nullable: true })
  actorSubject?: string | null;

  @Field(() => String, { nullable: true })
  requestId?: string | null;

  @Field(() => Date, { nullable: true, description: 'At or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this instant.' })
  to?: Date | null;
}
