import type { FieldChanges } from './case-store.service';

/** A deep copy of the named fields, to compare after a change for the audit trail. */
export function snapshot<T extends object>(
  record: T,
  keys: readonly (keyof T & string)[],
): Record<string, unknown> {
  return Object.fromEntries(
    keys.map((key) => [key, JSON.parse(JSON.stringify(record[key] ?? null)) as unknown]),
  );
}

/** `{ field: { before, after } }` for every field that differs. */
export function changesBetween(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): FieldChanges {
  const changes: FieldChanges = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changes[key] = { before: before[key], after: after[key] };
    }
  }
  return changes;
}
