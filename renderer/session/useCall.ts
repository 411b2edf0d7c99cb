import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isUnauthenticated, problemOf, type Problem } from './problem';
import { useSession } from './SessionProvider';

export interface Loaded<T> {
  data: T | null;
  problem: Problem | null;
  /** A request is on its way; what was loaded before stays shown meanwhile. */
  loading: boolean;
  /** When `data` last arrived (ms since the epoch), to tell how fresh it is. */
  loadedAt: number | null;
  reload(): void;
}

/**
 * Runs `load` (memoised by the caller) and again whenever it or `refreshKey`
 * changes, or `reload()` is called. Earlier data stays on screen while a new
 * request runs, so a live refresh never flashes an empty page; the answer of an
 * older request is dropped. An ended session ends here too.
 */
export function useLoad<T>(load: () => Promise<T>, refreshKey: unknown = null): Loaded<T> {
  const { end } = useSession();
  const [attempt, setAttempt] = useState(0);
  // A fresh object per request: the answer of an older request is recognised and dropped.
  const request = useMemo(() => ({ load, attempt, refreshKey }), [load, attempt, refreshKey]);
  const [state, setState] = useState<{
    data: T | null;
    problem: Problem | null;
    settled: object | null;
    loadedAt: number | null;
  }>({
    data: null,
    problem: null,
    settled: null,
    loadedAt: null,
  });

  useEffect(() => {
    let live = true;
    request.load().then(
      (data) => {
        if (live) setState({ data, problem: null, settled: request, loadedAt: Date.now() });
      },
      (failure: unknown) => {
        if (!live) return;
        if (isUnauthenticated(failure)) end('expired');
        setState((previous) => ({ ...previous, problem: problemOf(failure), settled: request }));
      },
    );
    return () => {
      live = false;
    };
  }, [request, end]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return {
    data: state.data,
    problem: state.problem,
    loading: state.settled !== request,
    loadedAt: state.loadedAt,
    reload,
  };
}

export interface Action<K extends string = never> {
  busy: boolean;
  problem: Problem<K> | null;
  /** The success message, already translated, for the form's role="status". */
  done: string | null;
  /**
   * Runs one change. Resolves to the host's answer, or undefined when it failed
   * (the problem is then shown). A second run while one is busy is ignored.
   */
  run<T>(work: () => Promise<T>, success?: (result: T) => string): Promise<T | undefined>;
  fail(problem: Problem<K>): void;
  clear(): void;
}

/** One change at a time, with its busy, failed and done states. An ended session ends here too. */
export function useAction<K extends string = never>(): Action<K> {
  const { end } = useSession();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem<K> | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // A ref as well as state: two quick clicks must not send twice before React re-renders.
  const running = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    async <T>(work: () => Promise<T>, success?: (result: T) => string): Promise<T | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setBusy(true);
      setProblem(null);
      setDone(null);
      try {
        const result = await work();
        if (mounted.current && success) setDone(success(result));
        return result;
      } catch (error) {
        if (isUnauthenticated(error)) end('expired');
        else if (mounted.current) setProblem(problemOf(error));
        return undefined;
      } finally {
        running.current = false;
        if (mounted.current) setBusy(false);
      }
    },
    [end],
  );
  const fail = useCallback((next: Problem<K>) => {
    setDone(null);
    setProblem(next);
  }, []);
  const clear = useCallback(() => {
    setDone(null);
    setProblem(null);
  }, []);
  return { busy, problem, done, run, fail, clear };
}
