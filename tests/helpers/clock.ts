/**
 * A mutable clock for startApp's `now`, so due times can pass inside a test without waiting
 * for them. It stands still unless the test moves it. (pg-boss waits by the database's clock:
 * see tests/helpers/jobs.ts for letting a scheduled job's time come.)
 */
export function testClock(start = Date.now()) {
  let now = start;
  return {
    now: () => new Date(now),
    set(date: Date) {
      now = date.getTime();
    },
    advance(ms: number) {
      now += ms;
    },
  };
}
