/**
 * The one check for free text a client sends (names, references, customer ids):
 * C0 control characters and DEL are refused everywhere, since they break CSV
 * exports and log lines and are never part of a real reference.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTERS.test(text);
}
