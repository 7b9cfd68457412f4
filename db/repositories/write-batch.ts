/**
 * Writes that may share one statement. Each caller awaits the write of its own value, as if it ran
 * alone; values added while a write is under way go together in the next one (one write at a time),
 * and two values for the same key are merged, so no statement touches a row twice.
 */
export class WriteBatch<V> {
  private queued = new Map<string, { value: V; waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> }>();
  private running: Promise<void> | undefined;

  constructor(
    private readonly write: (values: V[]) => Promise<void>,
    private readonly merge: (earlier: V, later: V) => V,
  ) {}

  /** Resolves once a statement holding `value` has committed; rejects with that statement's error. */
  add(key: string, value: V): Promise<void> {
    return new Promise((resolve, reject) => {
      const entry = this.queued.get(key);
      if (entry) {
        entry.value = this.merge(entry.value, value);
        entry.waiters.push({ resolve, reject });
      } else {
        this.queued.set(key, { value, waiters: [{ resolve, reject }] });
      }
      // The values of this turn of the event loop join the first write.
      this.running ??= new Promise<void>((started) => setImmediate(started)).then(() => this.drain());
    });
  }

  /** Resolves once everything added so far is written (or failed). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.queued.size > 0) {
      const batch = [...this.queued.values()];
      this.queued = new Map();
      try {
        await this.write(batch.map((e) => e.value));
        for (const e of batch) for (const w of e.waiters) w.resolve();
      } catch (error) {
        for (const e of batch) for (const w of e.waiters) w.reject(error);
      }
    }
    this.running = undefined;
  }
}
