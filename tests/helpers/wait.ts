/**
 * The one way tests wait: on state (a row, a job's state, what the fake connector received, a
 * process answering), never for a fixed time.
 *
 * `probe` is called every `intervalMs` until it returns something other than false, undefined,
 * null, '' or 0; that value is returned. After `timeoutMs` the wait fails with a message naming
 * `what` it waited for, and the last state `detail` describes. A probe that throws ends the wait
 * at once with its error (an assertion inside a probe, a process that exited).
 */
export interface WaitOptions {
  /** What is waited for, for the failure message: «the poll's card update», «reminder ferdig». */
  what: string;
  /** Default 10 s. */
  timeoutMs?: number;
  /** How often the probe runs; default 20 ms. */
  intervalMs?: number;
  /** The state seen last, added to the failure message («got 3 of 4 activities»). */
  detail?: () => string | Promise<string>;
}

type Settled<T> = Exclude<T, false | undefined | null | '' | 0>;

export async function waitFor<T>(probe: () => T | Promise<T>, options: WaitOptions): Promise<Settled<T>> {
  const { what, timeoutMs = 10_000, intervalMs = 20, detail } = options;
  const started = performance.now();
  for (;;) {
    const value = await probe();
    if (value) return value as Settled<T>;
    if (performance.now() - started >= timeoutMs) {
      const seen = detail ? await Promise.resolve(detail()).catch((err: unknown) => `(detail failed: ${(err as Error).message})`) : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${seen ? ` — ${seen}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
