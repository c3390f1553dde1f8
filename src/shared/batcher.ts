/**
 * Group commit (issue 15). Work for one group that arrives while the group's previous batch is
 * running (or within the wait of GATHER below) runs together in one statement: votes for one
 * poll, so a burst of 1,000 voters costs a few dozen commits instead of 1,000; and the reads that
 * start every bot turn, so those voters' own rows are read in a few statements too. Nobody is
 * answered early: each caller's promise settles only when the statement holding their row has.
 */
export interface Batched<V, R> {
  key: string;
  vote: V;
  resolve(result: R): void;
  reject(error: unknown): void;
  settled: Promise<unknown>;
}

interface Queue<V, R> {
  pending: Map<string, Batched<V, R>>;
  draining: boolean;
}

function afterTurns(turns: number, run: () => void): void {
  setImmediate(() => (turns <= 1 ? run() : afterTurns(turns - 1, run)));
}

/** How long a batch waits for company before its statement runs. */
export interface Gather {
  /** Turns of the event loop, always. */
  turns: number;
  /**
   * At most one statement this often per group, in milliseconds; 0: no limit. A group idle for
   * longer than this is not waited for, so this only paces a stream of requests under load.
   */
  paceMs: number;
}

/**
 * How a batch waits for company, per database (measured with `npm run bench -- votes`, 1,000
 * voters at once, 2 cores).
 * - PGlite answers on this thread: each turn's poll phase reads more of the waiting requests, and
 *   the statement a batch then runs costs nearly the same for 60 rows as for 4. Waiting 4 turns
 *   gave batches of 4 on average and 297 votes/s; 12 gave 428; 32 gave 489 (batches of 30, 80 %
 *   of the floor); 64 no more (453).
 * - On a server the app never blocks, so requests reach a batch one by one, as fast as the app
 *   parses them, and each statement costs the app a socket write and the server a parse, a plan
 *   and a commit. Turns gathered almost nothing there: 1,000 votes took 250 vote statements and
 *   640 reads. Pacing each group to one statement per 20 ms under load took that to 52 and 55,
 *   the app's CPU from 1.7 to 1.2 s and the server's from 0.57 to 0.18 s, and throughput from
 *   ~470 to ~570 votes/s (10 ms: 104 and 113 statements).
 * A lone request meets neither wait: a turn takes microseconds on an idle app, and a group with
 * no statement in the last 20 ms is not paced.
 */
export const GATHER: Readonly<Record<'pglite' | 'postgres', Gather>> = {
  pglite: { turns: 32, paceMs: 0 },
  postgres: { turns: 2, paceMs: 20 },
};

/** Groups (polls) whose last statement time is kept for pacing; more are forgotten at once. */
const MAX_PACED_GROUPS = 1_000;

export class GroupBatcher<V, R> {
  private readonly queues = new Map<string, Queue<V, R>>();
  /** Counters for the benchmark: how many statements the votes took. */
  readonly stats = { batches: 0, votes: 0, largest: 0 };
  /** When each group's last statement began (paceMs). */
  private readonly lastBatchAt = new Map<string, number>();

  constructor(
    /** Writes one batch (distinct keys) in one statement; results in the order given. */
    private readonly write: (group: string, votes: V[]) => Promise<R[]>,
    /** How long a batch waits for company (GATHER, per database). */
    private readonly gather: Gather = { turns: 1, paceMs: 0 },
    private readonly maxBatch = 500,
  ) {}

  /** `group`, e.g. the poll; `key`, e.g. the voter: one key's items are never in the same batch. */
  submit(group: string, key: string, vote: V): Promise<R> {
    let queue = this.queues.get(group);
    if (!queue) {
      queue = { pending: new Map(), draining: false };
      this.queues.set(group, queue);
    }
    const waiting = queue.pending.get(key);
    // A second click before the first is written goes in the next batch, after it.
    if (waiting) return waiting.settled.then(() => this.submit(group, key, vote));
    let resolve!: (r: R) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<R>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    queue.pending.set(key, { key, vote, resolve, reject, settled: promise.catch(() => undefined) });
    if (!queue.draining) {
      queue.draining = true;
      const q = queue;
      afterTurns(this.gather.turns, () => void this.drain(group, q));
    }
    return promise;
  }

  private async drain(group: string, queue: Queue<V, R>): Promise<void> {
    while (queue.pending.size > 0) {
      if (this.gather.paceMs > 0) await this.pace(group);
      const batch = [...queue.pending.values()].slice(0, this.maxBatch);
      for (const item of batch) queue.pending.delete(item.key);
      await this.writeBatch(group, batch);
    }
    queue.draining = false;
    if (this.queues.get(group) === queue) this.queues.delete(group);
  }

  /** Under load, waits until the group's last statement began paceMs ago; then this one begins. */
  private async pace(group: string): Promise<void> {
    const wait = (this.lastBatchAt.get(group) ?? -Infinity) + this.gather.paceMs - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (this.lastBatchAt.size >= MAX_PACED_GROUPS) this.lastBatchAt.clear();
    this.lastBatchAt.set(group, performance.now());
  }

  private async writeBatch(group: string, batch: Batched<V, R>[]): Promise<void> {
    this.stats.batches++;
    this.stats.votes += batch.length;
    this.stats.largest = Math.max(this.stats.largest, batch.length);
    try {
      const results = await this.write(group, batch.map((b) => b.vote));
      batch.forEach((b, i) => b.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      // One bad row (say, a member deleted a moment ago) must not fail the others: one by one.
      for (const item of batch) await this.writeBatch(group, [item]);
    }
  }
}
