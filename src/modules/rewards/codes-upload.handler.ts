/**
 * `POST /rewards/codes?rewardId=…` with a text body, one code a line: a voucher pool upload too large for a
 * GraphQL request (100,000 codes and more). The same partner token and rules as `uploadRewardCodes`; the body
 * is read as a stream, line by line, and written in chunks inside one transaction (codes.service.ts), so the
 * memory it takes does not grow with the upload and a duplicate anywhere leaves nothing written. Audited
 * like the GraphQL mutation. Answers `{ "batch": { id, rewardId, count } }`, or `{ errors: [...] }`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StringDecoder } from 'node:string_decoder';
import { sendJson } from '../../platform/http/body.js';
import { sendDownloadError } from '../../platform/http/csv.js';
import type { Principal } from '../../platform/auth/principal.js';
import { runAudited } from '../../platform/db/audit-context.js';
import { checkId } from '../../platform/graphql/ids.js';
import { badInput } from '../../platform/graphql/errors.js';
import type { RewardsService } from './rewards.service.js';
import { rewardWriter } from './rewards.access.js';
import { MAX_CODES_PER_UPLOAD } from './codes.service.js';

/** 65 bytes a line (64 characters and the newline) for the largest upload, and a little slack for CRLF. */
const MAX_BYTES = MAX_CODES_PER_UPLOAD * 66;
/** Longer than any code (64) with its CR: a longer line is refused before the upload grows in memory. */
const MAX_LINE = 256;

/**
 * The body's lines, read as they are asked for (the body is not read ahead of the writes: its memory stays a
 * chunk and a line), refusing a body larger than MAX_BYTES or a line longer than any code. Not node:readline:
 * it starts reading at once and drops the lines it reads before its consumer starts iterating.
 */
async function* linesOf(req: IncomingMessage): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let size = 0;
  let rest = '';
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BYTES) throw badInput(`the upload is larger than ${MAX_BYTES} bytes.`, 'codes');
    const lines = (rest + decoder.write(chunk as Buffer)).split('\n');
    rest = lines.pop()!;
    if (rest.length > MAX_LINE) throw badInput(`a line is longer than ${MAX_LINE} characters.`, 'codes');
    yield* lines;
  }
  rest += decoder.end();
  if (rest !== '') yield rest;
}

export function createCodesUploadHandler(
  rewards: RewardsService,
  authenticate: (req: IncomingMessage) => Promise<Principal | undefined>,
) {
  return async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
    try {
      if (req.method !== 'POST') return sendJson(res, 405, { error: 'method_not_allowed' });
      const principal = await authenticate(req);
      const partnerId = rewardWriter(principal);
      const url = new URL(req.url ?? '/', 'http://hub');
      const rewardId = checkId(url.searchParams.get('rewardId') ?? '', 'Reward');
      const batch = await runAudited(
        {
          operation: 'uploadRewardCodes',
          role: principal!.role,
          subject: principal!.subject,
          partnerId,
          requestId,
        },
        async () => {
          const reward = await rewards.catalog.ofPartner(partnerId, rewardId);
          return rewards.codes.upload(reward, linesOf(req));
        },
      );
      sendJson(res, 200, { batch });
    } catch (error) {
      req.resume();
      sendDownloadError(res, error);
    }
  };
}
