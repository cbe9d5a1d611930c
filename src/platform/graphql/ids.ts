/**
 * The one id check for ids a client sends: a value that is not a UUID names nothing the hub has, so it is
 * NOT_FOUND, exactly like an id that does not exist or that the caller may not see (never BAD_USER_INPUT,
 * which would tell them apart), and it never reaches SQL, where it would fail as a cast.
 */
import { isUuid } from '../ids.js';
import { notFound } from './errors.js';

/** `id` itself when it is a UUID; NOT_FOUND naming `what` (e.g. 'Partner') otherwise. */
export function checkId(id: string, what: string): string {
  if (!isUuid(id)) throw notFound(what);
  return id;
}
