/** Helpers for DataLoader batch functions: rows back in the order of the keys asked for. */

export function byId<T extends { id: string }>(rows: T[], ids: readonly string[]): (T | undefined)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id));
}

export function groupBy<T, K>(rows: T[], keys: readonly K[], keyOf: (row: T) => K): T[][] {
  const map = new Map<K, T[]>();
  for (const r of rows) map.set(keyOf(r), [...(map.get(keyOf(r)) ?? []), r]);
  return keys.map((k) => map.get(k) ?? []);
}
