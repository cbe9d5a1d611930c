/**
 * Conditions: json-logic expressions (json-logic-js, pinned), restricted on save to a small set of
 * operators and variables. No user code ever runs: json-logic has no eval, and its operators that could
 * reach host objects (`method`) or do arithmetic (floats) are not allowed. A condition only decides
 * yes or no; every amount is computed with integers outside it.
 */
import jsonLogic from 'json-logic-js';
import { ProgramsErrors } from './programs.exception.js';
import type { Logic } from './programs.model.js';

const OPERATORS = new Set(['==', '===', '!=', '!==', '<', '<=', '>', '>=', '!', '!!', 'and', 'or', 'if', 'in', 'var']);

/** Variables a condition may name, by where it is evaluated. */
export const PURCHASE_VARS = [
  'purchase.total',
  'purchase.currency',
  'purchase.channel',
  'purchase.storeId',
  'purchase.lineCount',
];
export const MEMBER_VARS = ['member.tier', 'member.birthdayMonth', 'member.birthdayDay', 'member.firstPurchase'];
export const LINE_VARS = ['line.sku', 'line.category', 'line.quantity', 'line.unitPrice', 'line.amount'];

const MAX_DEPTH = 12;
const MAX_NODES = 200;

/**
 * Checks `logic` (at JSON path `field`) and returns it. `vars` are the variables it may name; `used`
 * collects the ones it does (to know which member facts a purchase needs).
 */
export function checkCondition(logic: unknown, field: string, vars: readonly string[], used: Set<string>): Logic {
  let nodes = 0;
  const walk = (node: unknown, path: string, depth: number): void => {
    if (++nodes > MAX_NODES) throw ProgramsErrors.invalid(field, `at most ${MAX_NODES} nodes in a condition`);
    if (depth > MAX_DEPTH) throw ProgramsErrors.invalid(path, `conditions nest at most ${MAX_DEPTH} deep`);
    if (node === null || typeof node === 'boolean' || typeof node === 'string') return;
    if (typeof node === 'number') {
      if (!Number.isSafeInteger(node))
        throw ProgramsErrors.invalid(path, 'numbers in conditions are whole (no floats)');
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((n, i) => walk(n, `${path}[${i}]`, depth + 1));
      return;
    }
    if (typeof node !== 'object') throw ProgramsErrors.invalid(path, 'not a condition');
    const keys = Object.keys(node);
    if (keys.length !== 1) throw ProgramsErrors.invalid(path, 'an operation is an object with exactly one operator');
    const op = keys[0]!;
    if (!OPERATORS.has(op))
      throw ProgramsErrors.invalid(path, `operator "${op}" is not allowed (allowed: ${[...OPERATORS].join(' ')})`);
    const arg = (node as Record<string, unknown>)[op];
    if (op === 'var') {
      const name = Array.isArray(arg) ? arg[0] : arg;
      if (typeof name !== 'string' || !vars.includes(name))
        throw ProgramsErrors.invalid(`${path}.var`, `variable must be one of ${vars.join(', ')}`);
      used.add(name);
      return;
    }
    walk(arg, `${path}.${op}`, depth + 1);
  };
  walk(logic, field, 0);
  return logic;
}

/** Evaluates a checked condition against `data`; an absent condition holds. */
export function holds(logic: Logic | undefined, data: Record<string, unknown>): boolean {
  if (logic === undefined) return true;
  return jsonLogic.truthy(jsonLogic.apply(logic as jsonLogic.RulesLogic, data));
}
