/**
 * Group commit (issue 15). Work for one group that arrives while the group's previous batch is
 * running (or in the same turn of the event loop) runs together in one statement: votes for one
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

/**
 * How many turns of the event loop a batch waits for company, per database (measured with
 * `npm run bench -- votes`, 1,000 voters at once, 2 cores). PGlite answers on this thread: each
 * turn's poll phase reads more of the waiting requests, and the statement a batch then runs costs
 * nearly the same for 60 rows as for 4. Waiting 4 turns gave batches of 4 on average and 297
 * votes/s; 12 gave 428; 32 gave 489 (batches of 30, 80 % of the floor); 64 no more (453). A
 * server pool's queries wait on the network anyway, so there a turn or two is enough. When the
 * app is idle a turn takes microseconds: a lone request is not held back.
 */
export const GATHER_TURNS: Readonly<Record<'pglite' | 'postgres', number>> = { pglite: 32, postgres: 2 };

export class GroupBatcher<V, R> {
  private readonly queues = new Map<string, Queue<V, R>>();
  /** Counters for the benchmark: how many statements the votes took. */
  readonly stats = { batches: 0, votes: 0, largest: 0 };

  constructor(
    /** Writes one batch (distinct keys) in one statement; results in the order given. */
    private readonly write: (group: string, votes: V[]) => Promise<R[]>,
    /**
     * Turns of the event loop a batch waits for company. One is enough on a server pool, where
     * each request's reads wait on the network anyway. PGlite answers on this thread, so a
     * request runs to its vote without ever reaching the poll phase: the batch must wait for
     * the next poll phase, or it would hold only the requests read in the same one.
     */
    private readonly gatherTurns = 1,
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
      afterTurns(this.gatherTurns, () => void this.drain(group, q));
    }
    return promise;
  }

  private async drain(group: string, queue: Queue<V, R>): Promise<void> {
    while (queue.pending.size > 0) {
      const batch = [...queue.pending.values()].slice(0, this.maxBatch);
      for (const item of batch) queue.pending.delete(item.key);
      await this.writeBatch(group, batch);
    }
    queue.draining = false;
    if (this.queues.get(group) === queue) this.queues.delete(group);
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
