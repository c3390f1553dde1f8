import { useCallback, useEffect, useState } from 'react';

export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; data: T };

/**
 * Loads data for the current `key`, aborting stale requests so a quick network switch never
 * shows the previous network's plan. `key === null` means "nothing to load yet".
 */
export function useAsync<T>(
  key: string | null,
  load: (key: string, signal: AbortSignal) => Promise<T>,
): [AsyncState<T>, () => void] {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (key === null) return;
    const ctrl = new AbortController();
    setState({ status: 'loading' });
    load(key, ctrl.signal).then(
      (data) => !ctrl.signal.aborted && setState({ status: 'ready', data }),
      (error: unknown) => !ctrl.signal.aborted && setState({ status: 'error', error }),
    );
    return () => ctrl.abort();
    // `load` is expected to be a stable module-level function.
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [state, retry];
}

export interface Live<T> {
  /** The newest answer; the previous one stays while the next loads, so nothing flickers. */
  data: T | null;
  /** The last load's failure, cleared by the next success. */
  error: unknown;
  reload(): void;
}

/**
 * Loads `key` now and again every `everyMs` while `live(data)` holds and the page is visible
 * (a side panel behind another app, a minimised meeting, asks nothing). A new key starts over.
 * `load` is expected to be a stable module-level function, as with useAsync.
 */
export function useLive<T>(key: string | null, load: (key: string, signal: AbortSignal) => Promise<T>, everyMs: number, live: (data: T) => boolean): Live<T> {
  const [state, setState] = useState<{ key: string | null; data: T | null; error: unknown }>({ key: null, data: null, error: null });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (key === null) return;
    const ctrl = new AbortController();
    load(key, ctrl.signal).then(
      (data) => !ctrl.signal.aborted && setState({ key, data, error: null }),
      (error: unknown) => !ctrl.signal.aborted && setState((s) => ({ key, data: s.key === key ? s.data : null, error })),
    );
    return () => ctrl.abort();
  }, [key, tick]);

  const data = state.key === key ? state.data : null;
  const isLive = data !== null && live(data);
  useEffect(() => {
    if (!isLive) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') setTick((n) => n + 1);
    }, everyMs);
    return () => clearInterval(timer);
  }, [isLive, everyMs]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error: state.key === key ? state.error : null, reload };
}

/** Tracks a media query such as "(prefers-color-scheme: dark)". */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const mql = window.matchMedia(query);
    const onChange = () => setMatches(mql.matches);
    mql.addEventListener('change', onChange);
    onChange();
    return () => mql.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

export function useQueryParam(name: string): string | null {
  // The tab never changes its own query string, so reading it once is enough.
  const [value] = useState(() => new URLSearchParams(window.location.search).get(name));
  return value;
}
