/**
 * Coalesced in-place updates of a poll's shared cards. Per poll at most one update round is in
 * flight, and each round waits `delayMs` after the first vote that made the card stale, so a
 * burst of 500 votes leads to a few updateActivity calls, each showing the count of its time.
 * `onStale` runs when a poll's cards become stale (once per round, not per vote): the service
 * remembers it in the database, so an update still waiting at a stop or a crash is not lost.
 */
export class CardUpdateCoalescer {
  private readonly polls = new Map<string, { timer?: NodeJS.Timeout; running?: Promise<void>; dirty: boolean }>();
  private stopped = false;

  constructor(
    private readonly delayMs: number,
    private readonly flush: (pollId: string) => Promise<void>,
    private readonly onError: (pollId: string, error: unknown) => void,
    private readonly onStale: (pollId: string) => void = () => undefined,
  ) {}

  /** The card of this poll is stale; an update follows within about `delayMs`. */
  touch(pollId: string, immediately = false): void {
    if (this.stopped) {
      this.onStale(pollId); // for the next start
      return;
    }
    let s = this.polls.get(pollId);
    if (!s) {
      s = { dirty: false };
      this.polls.set(pollId, s);
    }
    if (!s.dirty) this.onStale(pollId);
    s.dirty = true;
    if (s.running) return; // the round in flight re-arms when it ends
    if (immediately && s.timer) {
      clearTimeout(s.timer);
      s.timer = undefined;
    }
    s.timer ??= setTimeout(() => this.run(pollId), immediately ? 0 : this.delayMs);
  }

  private run(pollId: string): void {
    const s = this.polls.get(pollId);
    if (!s) return;
    s.timer = undefined;
    s.dirty = false;
    s.running = this.flush(pollId)
      .catch((error: unknown) => this.onError(pollId, error))
      .finally(() => {
        s.running = undefined;
        if (s.dirty && !this.stopped) s.timer = setTimeout(() => this.run(pollId), this.delayMs);
        else if (!s.dirty) this.polls.delete(pollId);
      });
  }

  /** Rounds in flight or waiting (tests, shutdown). */
  pending(): number {
    return [...this.polls.values()].filter((s) => s.timer || s.running).length;
  }

  /**
   * Sends what is waiting now and stops taking more (graceful shutdown). What does not get
   * through stays marked by `onStale` for the next start.
   */
  async stop(): Promise<void> {
    const waiting = [...this.polls.entries()].filter(([, s]) => s.timer);
    for (const [, s] of waiting) clearTimeout(s.timer);
    this.stopped = true;
    await Promise.all([
      ...[...this.polls.values()].map((s) => s.running),
      ...waiting.map(([pollId]) => this.flush(pollId).catch((error: unknown) => this.onError(pollId, error))),
    ]);
    this.polls.clear();
  }

  /** Resolves when nothing is waiting or running (tests and the benchmark). */
  async idle(): Promise<void> {
    while (this.pending() > 0) await new Promise((r) => setTimeout(r, 10));
  }
}
