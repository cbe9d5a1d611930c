/**
 * Voucher code pools: a partner uploads codes (or the hub generates them), each handed out exactly once by a
 * redemption (redemption.service.ts: the first free code nobody else has locked). An upload is one
 * transaction, written in chunks as it streams in: a duplicate (within the upload or against the pool)
 * rolls the whole upload back, so nothing is half-written. Codes are secrets: never logged, never in the
 * audit trail (only their batch, by count).
 */
import { randomInt } from 'node:crypto';
import type { Sql, SqlClient } from '../../platform/db/sql.js';
import { sqlState } from '../../platform/db/sql.js';
import { newId } from '../../platform/ids.js';
import { badInput } from '../../platform/graphql/errors.js';
import { RewardsErrors } from './rewards.exception.js';
import { RewardKind, RewardStatus, type Reward } from './rewards.model.js';

const CODE = /^[A-Za-z0-9-]{4,64}$/;
/** The most codes one upload or generation may add. */
export const MAX_CODES_PER_UPLOAD = 200_000;
/** Codes written per statement while an upload streams in (bounds the memory an upload holds). */
const CHUNK = 5_000;
/** The default alphabet of generated codes: no 0/O, 1/I/L, so a code read aloud or typed is not mistaken. */
export const DEFAULT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const UNIQUE_VIOLATION = '23505';

export interface CodeBatch {
  id: string;
  rewardId: string;
  count: number;
}

function checkPool(reward: Reward): void {
  if (reward.kind !== RewardKind.VOUCHER) throw badInput('only VOUCHER rewards have code pools.', 'rewardId');
  if (reward.status === RewardStatus.RETIRED) throw RewardsErrors.statusConflict(reward.status, 'restocked');
}

export class CodesService {
  constructor(private readonly sql: Sql) {}

  /**
   * Adds uploaded codes to a voucher reward's pool, all or nothing. `codes` may stream (an HTTP body read
   * line by line): at most CHUNK codes are held at a time. Blank lines are skipped; a bad code is
   * BAD_USER_INPUT with its line number, a duplicate DUPLICATE_REWARD_CODE.
   */
  async upload(reward: Reward, codes: AsyncIterable<string> | Iterable<string>): Promise<CodeBatch> {
    checkPool(reward);
    const batchId = newId();
    const count = await this.insertAll(reward, batchId, 'UPLOADED', codes);
    return { id: batchId, rewardId: reward.id, count };
  }

  /** Generates `count` unguessable codes (crypto random, `length` characters of `alphabet`). */
  async generate(reward: Reward, count: number, length: number, alphabet = DEFAULT_ALPHABET): Promise<CodeBatch> {
    checkPool(reward);
    if (!Number.isInteger(count) || count < 1 || count > MAX_CODES_PER_UPLOAD)
      throw badInput(`count must be 1 to ${MAX_CODES_PER_UPLOAD}.`, 'count');
    const letters = [...new Set(alphabet)];
    if (letters.length < 10 || letters.length !== alphabet.length || !/^[A-Za-z0-9]+$/.test(alphabet))
      throw badInput('alphabet must be at least 10 distinct letters or digits.', 'alphabet');
    // At least 64 bits of randomness per code, so guessing one is hopeless and collisions are negligible.
    const minLength = Math.ceil(64 / Math.log2(letters.length));
    if (!Number.isInteger(length) || length < minLength || length > 64)
      throw badInput(`length must be ${minLength} to 64 for this alphabet (at least 64 random bits).`, 'length');
    function* codes() {
      for (let i = 0; i < count; i++) {
        let code = '';
        for (let j = 0; j < length; j++) code += letters[randomInt(letters.length)];
        yield code;
      }
    }
    const batchId = newId();
    await this.insertAll(reward, batchId, 'GENERATED', codes());
    return { id: batchId, rewardId: reward.id, count };
  }

  private async insertAll(
    reward: Reward,
    batchId: string,
    source: 'UPLOADED' | 'GENERATED',
    codes: AsyncIterable<string> | Iterable<string>,
  ): Promise<number> {
    try {
      return await this.sql.transaction(async (tx) => {
        // The batch row first (its count is set at the end), so the codes can name it.
        await tx.query(
          `insert into reward_code_batch (id, reward_id, partner_id, source, count) values ($1, $2, $3, $4, 1)`,
          [batchId, reward.id, reward.partnerId, source],
        );
        let chunk: string[] = [];
        let seen = new Set<string>();
        let line = 0;
        let count = 0;
        for await (const raw of codes) {
          line++;
          const code = raw.trim();
          if (code === '') continue;
          if (!CODE.test(code)) throw badInput(`line ${line}: a code is 4 to 64 letters, digits or "-".`, 'codes');
          if (seen.has(code)) throw RewardsErrors.duplicateCode(line);
          seen.add(code);
          chunk.push(code);
          if (++count > MAX_CODES_PER_UPLOAD)
            throw badInput(`at most ${MAX_CODES_PER_UPLOAD} codes per upload.`, 'codes');
          if (chunk.length === CHUNK) {
            await insertChunk(tx, reward.id, batchId, chunk);
            chunk = [];
            seen = new Set();
          }
        }
        if (chunk.length > 0) await insertChunk(tx, reward.id, batchId, chunk);
        if (count === 0) throw badInput('the upload holds no code.', 'codes');
        await tx.query(`update reward_code_batch set count = $2 where id = $1`, [batchId, count]);
        return count;
      });
    } catch (error) {
      // A code already in the pool, or twice in the upload across chunks: the unique key refused it.
      if (sqlState(error) === UNIQUE_VIOLATION) throw RewardsErrors.duplicateCode();
      throw error;
    }
  }
}

const insertChunk = (tx: SqlClient, rewardId: string, batchId: string, codes: string[]) =>
  tx.query(`insert into reward_code (reward_id, batch_id, code) select $1::uuid, $2::uuid, unnest($3::text[])`, [
    rewardId,
    batchId,
    codes,
  ]);
