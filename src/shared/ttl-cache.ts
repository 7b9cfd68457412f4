/**
 * A small in-process cache with a time limit and a size limit (oldest entry out first). For facts
 * that change rarely and are read on every command; each use says why staleness is harmless.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.until < this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value;
  }

  /** How long ago `key` was set, in ms; undefined when it is not kept (or expired). */
  age(key: string): number | undefined {
    const hit = this.entries.get(key);
    return hit && hit.until >= this.now() ? this.now() - (hit.until - this.ttlMs) : undefined;
  }

  set(key: string, value: V): void {
    if (this.entries.size >= this.maxEntries && !this.entries.has(key)) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { value, until: this.now() + this.ttlMs });
  }

  clear(): void {
    this.entries.clear();
  }
}
