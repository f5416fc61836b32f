/** The year a review counts: entries at or after `from` and before `to`. */
export type Period = { from: Date; to: Date };

export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
export const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** A row per key, created on first use. */
export class Rows<T> {
  private readonly rows = new Map<string, T>();
  constructor(private readonly create: (...key: string[]) => T) {}
  get(...key: string[]): T {
    const id = key.join('\u0000');
    let row = this.rows.get(id);
    if (!row) this.rows.set(id, (row = this.create(...key)));
    return row;
  }
  all(): T[] {
    return [...this.rows.values()];
  }
}
