/**
 * One tally query serves many votes. A caller who just wrote asks for a tally that *started*
 * after its write (read-your-writes); every caller waiting at the same time shares the next
 * query, so a burst of 500 votes costs a handful of GROUP BY queries, not 500.
 */
interface Entry<T> {
  /** Writes counted locally; bumped after each vote is committed. */
  writes: number;
  done?: { seq: number; value: T; at: number };
  running?: { seq: number; promise: Promise<T> };
  queued?: Promise<T>;
}

export class FreshCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly load: (key: string) => Promise<T>,
    /** A result this old is reloaded even without local writes (other instances vote too). */
    private readonly maxAgeMs: number,
    private readonly maxEntries = 500,
  ) {}

  private entry(key: string): Entry<T> {
    let e = this.entries.get(key);
    if (!e) {
      if (this.entries.size >= this.maxEntries) this.evictIdle();
      e = { writes: 0 };
      this.entries.set(key, e);
    }
    return e;
  }

  /** Call after a committed write; returns the sequence number a fresh read must cover. */
  wrote(key: string): number {
    return ++this.entry(key).writes;
  }

  /**
   * Call right before issuing a write on a single, first-in-first-out database session (PGlite):
   * every read issued after it runs after it, so it need not wait for the write to finish.
   */
  issuing(key: string): number {
    return ++this.entry(key).writes;
  }

  /**
   * A value read elsewhere (the statement that wrote a batch of votes returns the tally too):
   * kept when it covers write `seq` and is newer than what is known.
   */
  offer(key: string, seq: number, value: T): void {
    const e = this.entry(key);
    if (!e.done || e.done.seq <= seq) e.done = { seq, value, at: Date.now() };
  }

  /** The sequence number the next write will have: reads issued now cover everything before. */
  current(key: string): number {
    return this.entry(key).writes;
  }

  /** Drops what is known (a close or reopen changed more than the votes). */
  invalidate(key: string): void {
    const e = this.entries.get(key);
    if (e) e.done = undefined;
  }

  /** A value whose query started after write `minSeq` (0: any recent value will do). */
  get(key: string, minSeq = 0): Promise<T> {
    const e = this.entry(key);
    const fresh = (seq: number, at?: number) => seq >= minSeq && (minSeq > 0 || at === undefined || Date.now() - at < this.maxAgeMs);
    if (e.done && fresh(e.done.seq, e.done.at)) return Promise.resolve(e.done.value);
    if (e.running && e.running.seq >= minSeq) return e.running.promise;
    if (!e.running) return this.start(key, e);
    // The running query started before our write: share one follow-up after it.
    e.queued ??= e.running.promise
      .catch(() => undefined)
      .then(() => {
        e.queued = undefined;
        return e.running ? e.running.promise : this.start(key, e);
      });
    return e.queued;
  }

  private start(key: string, e: Entry<T>): Promise<T> {
    const seq = e.writes;
    const promise = this.load(key).then(
      (value) => {
        if (!e.done || e.done.seq <= seq) e.done = { seq, value, at: Date.now() };
        return value;
      },
      (error: unknown) => {
        throw error;
      },
    );
    const running = { seq, promise };
    e.running = running;
    const clear = () => {
      if (e.running === running) e.running = undefined;
    };
    promise.then(clear, clear);
    return promise;
  }

  private evictIdle(): void {
    for (const [key, e] of this.entries) {
      if (!e.running && !e.queued) this.entries.delete(key);
      if (this.entries.size < this.maxEntries / 2) return;
    }
  }
}
