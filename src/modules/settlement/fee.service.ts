/**
 * Settlement fees: amounts an operator records against a partner outside the
 * ledger, in the contract's settlement currency — positive when the partner
 * owes the hub (a service fee), negative when the hub owes the partner (a
 * co-funded campaign credit). They show as the FEES line of the partner's
 * draft until a statement closes and claims them (see StatementService).
 */
import type { Sql } from '../../platform/db/sql.js';
import { newId } from '../../platform/ids.js';
import { parseDecimal, toString } from '../../platform/decimal.js';
import { badInput } from '../../platform/graphql/errors.js';
import { toDate } from '../../platform/db/values.js';
import type { ContractService } from './contract.service.js';
import type { SettlementFee } from './settlement.model.js';
import { SettlementErrors } from './settlement.exception.js';
import { hasControlCharacter } from '../../platform/text.js';

/** settlement_fee.amount is numeric(30, 4): at most 26 digits before the point. */
const MAX_WHOLE_DIGITS = 26;

export class FeeService {
  constructor(
    private readonly sql: Sql,
    private readonly contracts: ContractService,
  ) {}

  async record(partnerId: string, amount: string, description: string): Promise<SettlementFee> {
    const first = await this.contracts.first(partnerId);
    if (!first) throw SettlementErrors.noContract();
    const value = hasControlCharacter(amount) ? undefined : parseDecimal(amount);
    const whole = value && (value.units < 0n ? -value.units : value.units) / 10n ** BigInt(value.scale);
    if (!value || value.units === 0n || value.scale > first.fiatScale || whole! >= 10n ** BigInt(MAX_WHOLE_DIGITS)) {
      throw badInput(
        `amount must be a non-zero decimal with at most ${first.fiatScale} decimals (${first.settlementCurrency}).`,
        'amount',
      );
    }
    const text = description.trim();
    const length = [...text].length;
    if (length < 1 || length > 200 || hasControlCharacter(description))
      throw badInput('description must be 1 to 200 characters, without control characters.', 'description');
    const [row] = await this.sql.query<{
      id: string;
      partner_id: string;
      amount: string;
      description: string;
      created_at: unknown;
    }>(
      `insert into settlement_fee (id, partner_id, amount, description) values ($1, $2, $3::numeric, $4)
       returning id, partner_id, amount::text as amount, description, created_at`,
      [newId(), partnerId, toString(value), text],
    );
    return {
      id: row!.id,
      partnerId: row!.partner_id,
      amount: parseDecimal(row!.amount)!,
      description: row!.description,
      createdAt: toDate(row!.created_at),
    };
  }
}
