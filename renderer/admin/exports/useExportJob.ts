import { useCallback, useEffect, useRef, useState } from 'react';
import type { OutputOf } from '../../../src/contract/operations';
import { useApi } from '../../api/ApiContext';
import { ApiError } from '../../api/client';
import { isUnauthenticated, problemOf, type Problem } from '../problem';
import { useAdminSession } from '../session';

export type JobStatus = OutputOf<'exportStatus'>;

// The job runs on the host whatever the screen does; remembering its id lets the
// section pick the progress up again after the administrator looked elsewhere.
const STORAGE_KEY = 'sipas.admin.exportJob';
const remember = (jobId: string | null) => {
  try {
    if (jobId) sessionStorage.setItem(STORAGE_KEY, jobId);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage can be off; only the resume is lost
  }
};
const remembered = (): string | null => {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
};

export interface ExportJob {
  status: JobStatus | null;
  problem: Problem | null;
  starting: boolean;
  cancelling: boolean;
  start(launch: () => Promise<{ jobId: string }>): Promise<void>;
  cancel(): Promise<void>;
}

/** One export or re-export at a time: starts it, polls exportStatus until it ends, cancels it. */
export function useExportJob(onFinished: (status: JobStatus) => void): ExportJob {
  const api = useApi();
  const { expire, pollMs } = useAdminSession();
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [polling, setPolling] = useState<string | null>(remembered);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  });

  const failed = useCallback(
    (error: unknown) => {
      if (isUnauthenticated(error)) expire();
      else setProblem(problemOf(error));
    },
    [expire],
  );

  useEffect(() => {
    if (!polling) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await api.call('exportStatus', { jobId: polling });
        if (!live) return;
        setStatus(next);
        if (next.state === 'running') timer = setTimeout(() => void poll(), pollMs);
        else {
          remember(null);
          setPolling(null);
          finished.current(next);
        }
      } catch (error) {
        if (!live) return;
        remember(null);
        setPolling(null);
        // A job the host no longer knows (it restarted) is simply over.
        if (!(error instanceof ApiError && error.code === 'not_found')) failed(error);
      }
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, polling, pollMs, failed]);

  const start = useCallback(
    async (launch: () => Promise<{ jobId: string }>) => {
      setStarting(true);
      setProblem(null);
      try {
        const { jobId } = await launch();
        setStatus({ jobId, state: 'running', done: 0, total: 0 });
        remember(jobId);
        setPolling(jobId);
      } catch (error) {
        failed(error);
      }
      setStarting(false);
    },
    [failed],
  );

  const cancel = useCallback(async () => {
    if (!status || status.state !== 'running') return;
    setCancelling(true);
    try {
      // The answer may still say running: the next poll sees the job end.
      setStatus(await api.call('cancelExport', { jobId: status.jobId }));
    } catch (error) {
      failed(error);
    }
    setCancelling(false);
  }, [api, status, failed]);

  return { status, problem, starting, cancelling, start, cancel };
}
