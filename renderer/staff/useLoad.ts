import { useCallback, useEffect, useMemo, useState } from 'react';
import { errorKey, type ErrorKey } from './errorKey';

export interface Loaded<T> {
  data: T | null;
  error: ErrorKey | null;
  /** A request is on its way; what was loaded before stays shown meanwhile. */
  loading: boolean;
  /** When `data` last arrived (ms since the epoch), to tell staff how fresh it is. */
  loadedAt: number | null;
  reload: () => void;
}

/**
 * Runs `load` (memoised by the caller) and again whenever it or `refreshKey`
 * changes, or `reload()` is called. Earlier data stays on screen while a new
 * request runs, so a live refresh never flashes an empty page.
 */
export function useLoad<T>(load: () => Promise<T>, refreshKey: unknown = null): Loaded<T> {
  const [attempt, setAttempt] = useState(0);
  // A fresh object per request: the answer of an older request is recognised and dropped.
  const request = useMemo(() => ({ load, attempt, refreshKey }), [load, attempt, refreshKey]);
  const [state, setState] = useState<{ data: T | null; error: ErrorKey | null; settled: object | null; loadedAt: number | null }>({
    data: null,
    error: null,
    settled: null,
    loadedAt: null,
  });

  useEffect(() => {
    let live = true;
    request.load().then(
      (data) => {
        if (live) setState({ data, error: null, settled: request, loadedAt: Date.now() });
      },
      (failure: unknown) => {
        if (live) setState((previous) => ({ ...previous, error: errorKey(failure), settled: request }));
      },
    );
    return () => {
      live = false;
    };
  }, [request]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.settled !== request, loadedAt: state.loadedAt, reload };
}
