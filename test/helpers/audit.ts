import type { AuditEntry } from '../../server/modules/audit/audit-entry.js';
import type { AuditStore } from '../../server/modules/audit/ports.js';

/** A condition on one field: the value itself, a RegExp, or `{ $in: [...] }`, `{ $exists: bool }`, `{ $ne: v }`, `{ $regex }`. */
type Condition = unknown;
/** Fields of the entry; `data.<name>` for a field of its data. */
export type AuditFilter = Record<string, Condition>;

function valueAt(entry: AuditEntry, field: string): unknown {
  let value: unknown = entry;
  for (const part of field.split('.'))
    value = value && typeof value === 'object' ? Reflect.get(value, part) : undefined;
  return value;
}

function holds(value: unknown, condition: Condition): boolean {
  if (condition instanceof RegExp) return typeof value === 'string' && condition.test(value);
  if (condition && typeof condition === 'object' && !Array.isArray(condition) && !(condition instanceof Date)) {
    const ops = condition as Record<string, unknown>;
    if ('$in' in ops) return (ops.$in as unknown[]).some((option) => holds(value, option));
    if ('$exists' in ops) return (value !== undefined) === ops.$exists;
    if ('$ne' in ops) return !holds(value, ops.$ne);
    if ('$regex' in ops) return typeof value === 'string' && new RegExp(String(ops.$regex)).test(value);
  }
  if (Array.isArray(value) && !Array.isArray(condition)) return value.some((item) => holds(item, condition));
  if (value instanceof Date && condition instanceof Date) return value.getTime() === condition.getTime();
  return JSON.stringify(value) === JSON.stringify(condition) || (value === undefined && condition === null);
}

/** The audit entries matching `filter`, oldest first, read through the repository (the log's segments). */
export async function auditEntries(
  t: { server: { auditEntries: AuditStore } },
  filter: AuditFilter = {},
): Promise<AuditEntry[]> {
  const found: AuditEntry[] = [];
  for await (const entry of t.server.auditEntries.all())
    if (Object.entries(filter).every(([field, condition]) => holds(valueAt(entry, field), condition)))
      found.push(entry);
  return found;
}

/** The first audit entry matching `filter`, or undefined. */
export async function auditEntry(
  t: { server: { auditEntries: AuditStore } },
  filter: AuditFilter = {},
): Promise<AuditEntry | undefined> {
  return (await auditEntries(t, filter))[0];
}
