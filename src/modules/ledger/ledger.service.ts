/**
 * The ledger's front door for resolvers, other modules and jobs. It wires the
 * operation services over shared dependencies; see README.md in this folder
 * for the guarantees they keep together.
 */
import type { Sql } from '../../platform/db/sql.js';
import { Accounts } from './accounts.js';
import { CurrencyService } from './currency.service.js';
import type { LedgerDeps, LedgerSettings } from './ledger.deps.js';
import { EarnService } from './earn.service.js';
import { RedemptionService, type HoldResolutionHook } from './redemption.service.js';
import { ReversalService } from './reversal.service.js';
import { ExpiryService } from './expiry.service.js';
import { LedgerQueries } from './ledger.queries.js';
import { checkInvariants, type InvariantCheck } from './invariants.js';
import { checkIncrementally } from './invariants.incremental.js';
import { InvariantJobs } from './invariants.job.js';
import { MergeService } from './merge.service.js';
import { ConversionService } from './conversion.service.js';
import { PostingRegistry } from './posting.js';
import { MultiEarnService } from './multi-earn.service.js';

export class LedgerService {
  readonly currencies: CurrencyService;
  readonly earning: EarnService;
  /** One operation of several earns for one member (programs: a purchase's points, co-funded legs). */
  readonly multiEarn: MultiEarnService;
  readonly redemption: RedemptionService;
  readonly reversal: ReversalService;
  readonly expiry: ExpiryService;
  readonly queries: LedgerQueries;
  readonly merge: MergeService;
  readonly conversion: ConversionService;
  /** Other modules' parts of the posting statement, registered while the hub is composed (see README.md). */
  readonly postings = new PostingRegistry();
  /** Other modules' invariant checks (of rows they derive from postings), run by `checkInvariants` after the ledger's. */
  readonly invariants: InvariantCheck[] = [];
  /** Other modules' parts in resolving holds (rewards), registered while the hub is composed. */
  readonly holdHooks: HoldResolutionHook[] = [];
  /** The full check as a paged job (operator), over the ledger's checks and `invariants`. */
  readonly invariantJobs: InvariantJobs;

  constructor(
    private readonly sql: Sql,
    settings: LedgerSettings,
  ) {
    this.currencies = new CurrencyService(sql);
    const deps: LedgerDeps = {
      sql,
      accounts: new Accounts(sql),
      currencies: this.currencies,
      settings,
      holdHooks: this.holdHooks,
      post: (tx, transfers, lots, isSharded) => this.postings.posting.post(tx, transfers, lots, isSharded),
    };
    this.earning = new EarnService(deps);
    this.multiEarn = new MultiEarnService(deps);
    this.redemption = new RedemptionService(deps);
    this.reversal = new ReversalService(deps);
    this.expiry = new ExpiryService(deps);
    this.queries = new LedgerQueries(sql);
    this.merge = new MergeService(deps);
    this.conversion = new ConversionService(deps);
    this.invariantJobs = new InvariantJobs(sql, this.invariants);
  }

  /** Every invariant over every row (read-only). */
  checkInvariants() {
    return checkInvariants(this.sql, this.invariants);
  }

  /** What changed since the last clean check; the full check when there is no checkpoint yet. */
  checkIncrementally() {
    return checkIncrementally(this.sql, this.invariants);
  }
}
