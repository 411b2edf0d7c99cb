import { useCallback, useEffect, useRef, useState } from 'react';
import { isUnauthenticated, problemOf, type Problem } from './problem';
import { useAdminSession } from './session';

export interface Loaded<T> {
  data: T | null;
  problem: Problem | null;
  reload(): void;
}

/**
 * Loads what a section shows. `load` must be stable (useCallback): it runs again
 * only when it changes or reload() is called. An ended session goes back to sign-in.
 */
export function useLoad<T>(load: () => Promise<T>): Loaded<T> {
  const { expire } = useAdminSession();
  const [state, setState] = useState<{ data: T | null; problem: Problem | null }>({ data: null, problem: null });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => {
        if (live) setState({ data, problem: null });
      },
      (error: unknown) => {
        if (!live) return;
        if (isUnauthenticated(error)) expire();
        else setState((previous) => ({ data: previous.data, problem: problemOf(error) }));
      },
    );
    return () => {
      live = false;
    };
  }, [load, attempt, expire]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}

export interface Action {
  busy: boolean;
  problem: Problem | null;
  /** The success message, already translated, for the form's role="status". */
  done: string | null;
  /**
   * Runs one change. Resolves to the host's answer, or undefined when it failed
   * (the problem is then shown). A second run while one is busy is ignored.
   */
  run<T>(work: () => Promise<T>, success?: (result: T) => string): Promise<T | undefined>;
  fail(problem: Problem): void;
  clear(): void;
}

export function useAction(): Action {
  const { expire } = useAdminSession();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
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
    async <T,>(work: () => Promise<T>, success?: (result: T) => string): Promise<T | undefined> => {
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
        if (isUnauthenticated(error)) expire();
        else if (mounted.current) setProblem(problemOf(error));
        return undefined;
      } finally {
        running.current = false;
        if (mounted.current) setBusy(false);
      }
    },
    [expire],
  );
  const fail = useCallback((next: Problem) => {
    setDone(null);
    setProblem(next);
  }, []);
  const clear = useCallback(() => {
    setDone(null);
    setProblem(null);
  }, []);
  return { busy, problem, done, run, fail, clear };
}
