/**
 * `BigInt`: a whole number of minor units, sent as a decimal string so no
 * client ever rounds it through a float. Accepted only as a string or a safe
 * integer literal; parsed to `bigint`.
 */
import { GraphQLScalarType, Kind } from 'graphql';
import { AppError } from './errors.js';

const DIGITS = /^-?(0|[1-9]\d{0,37})$/;

function parse(value: unknown): bigint {
  if (typeof value === 'string' && DIGITS.test(value)) return BigInt(value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  throw new AppError('BAD_USER_INPUT', 'BigInt must be a whole number written as a decimal string, e.g. "1500".');
}

export const BigIntScalar = new GraphQLScalarType<bigint, string>({
  name: 'BigInt',
  description:
    'A whole number of minor units (points or cents), serialised as a decimal string to keep full precision.',
  specifiedByURL: 'https://github.com/coalition-hub/hub#bigint',
  serialize(value) {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'string' && DIGITS.test(value)) return value;
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    throw new TypeError('BigInt cannot represent this value');
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return parse(ast.value); // the literal's own digits: never through a float
    throw new AppError('BAD_USER_INPUT', 'BigInt must be a whole number written as a decimal string, e.g. "1500".');
  },
});
