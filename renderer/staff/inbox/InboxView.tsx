import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenHeading } from '../../components/ScreenHeading';
import { errorTextOf } from '../../session/problem';
import { useStaff } from '../StaffContext';
import { DeskHeadsContext, type DeskHead } from './deskHeads';
import { feedbackAnchor, FeedbackCard } from './FeedbackCard';
import { InboxStats } from './InboxStats';
import {
  mergeNewer,
  statusFilters,
  type FeedbackItem,
  type FeedbackList,
  type FeedbackStats,
  type StatusFilter,
} from './types';

const PAGE = 20;

interface ListState {
  status: StatusFilter;
  items: FeedbackItem[];
  next: number | null;
}

/** Đánh giá thấp và góp ý: every low rating and comment, newest first, to be handled one by one. */
export function InboxView() {
  const { t } = useTranslation();
  const { call, live } = useStaff();
  const filterId = useId();
  const [status, setStatus] = useState<StatusFilter>('');
  const [list, setList] = useState<ListState | null>(null);
  const [stats, setStats] = useState<FeedbackStats | null>(null);
  const [deskHeads, setDeskHeads] = useState<readonly DeskHead[]>([]);
  const [error, setError] = useState<ReturnType<typeof errorTextOf> | null>(null);
  const [busy, setBusy] = useState(false);
  const [focus, setFocus] = useState<{ id: string } | null>(null);
  // Bumped by every request that replaces the list: an older answer arriving late is dropped.
  const generation = useRef(0);
  const seenRevision = useRef(live.revision);

  const page = useCallback(
    (filter: StatusFilter, before: number | null) =>
      call('listFeedback', {
        limit: PAGE,
        ...(filter ? { status: filter } : {}),
        ...(before !== null ? { before } : {}),
      }),
    [call],
  );

  const showFirst = useCallback((filter: StatusFilter, result: FeedbackList) => {
    setList({ status: filter, items: result.items, next: result.next });
    setStats(result.stats);
    setDeskHeads(result.deskHeads);
    setError(null);
  }, []);

  /** Replaces the list with the first page of `filter`. */
  const loadFirst = useCallback(
    (filter: StatusFilter) => {
      const mine = ++generation.current;
      page(filter, null).then(
        (result) => mine === generation.current && showFirst(filter, result),
        (failure: unknown) => mine === generation.current && setError(errorTextOf(failure)),
      );
    },
    [page, showFirst],
  );

  useEffect(() => {
    loadFirst('');
    return () => {
      generation.current += 1;
    };
  }, [loadFirst]);

  // A new response may bring new feedback: merge the newest page in, keeping what is loaded below.
  const listStatus = list?.status ?? null;
  useEffect(() => {
    if (live.revision === seenRevision.current || listStatus === null) return;
    seenRevision.current = live.revision;
    const mine = generation.current;
    page(listStatus, null).then(
      (result) => {
        if (mine !== generation.current) return;
        setList((current) => current && { ...current, items: mergeNewer(current.items, result.items) });
        setStats(result.stats);
      },
      () => undefined,
    );
  }, [live.revision, listStatus, page]);

  useEffect(() => {
    if (!focus) return;
    const card = document.getElementById(feedbackAnchor(focus.id));
    card?.scrollIntoView?.({ block: 'start' });
    card?.focus();
  }, [focus]);

  async function loadMore() {
    if (!list || list.next === null || busy) return;
    setBusy(true);
    const mine = generation.current;
    try {
      const result = await page(list.status, list.next);
      if (mine !== generation.current) return;
      setList((current) => current && { ...current, items: [...current.items, ...result.items], next: result.next });
      setStats(result.stats);
    } catch (failure) {
      setError(errorTextOf(failure));
    } finally {
      setBusy(false);
    }
  }

  /** Pages through every status until the item shows, then moves the focus to it. */
  async function jumpTo(id: string) {
    if (busy) return;
    setBusy(true);
    const mine = ++generation.current;
    const reuse = list?.status === '';
    let items = reuse ? list.items : [];
    let next = reuse ? list.next : null;
    let started = reuse;
    try {
      while (!items.some((item) => item.responseId === id) && (!started || next !== null)) {
        const result = await page('', started ? next : null);
        started = true;
        items = [...items, ...result.items];
        next = result.next;
      }
      if (mine !== generation.current) return;
      setStatus('');
      setList({ status: '', items, next });
      setFocus({ id });
    } catch (failure) {
      setError(errorTextOf(failure));
    } finally {
      setBusy(false);
    }
  }

  function updated(item: FeedbackItem) {
    setList(
      (current) =>
        current && { ...current, items: current.items.map((i) => (i.responseId === item.responseId ? item : i)) },
    );
    // The share handled and the oldest unhandled item change with it.
    call('listFeedback', { limit: 1 }).then(
      (result) => setStats(result.stats),
      () => undefined,
    );
  }

  return (
    <main className="staff-main inbox" aria-busy={list === null || busy}>
      <header className="view-top">
        <ScreenHeading>{t('staff.inbox.heading')}</ScreenHeading>
        <div className="inbox-filter">
          <label htmlFor={filterId}>{t('staff.inbox.filter')}</label>
          <select
            id={filterId}
            value={status}
            onChange={(event) => {
              const next = statusFilters.find((s) => s === event.target.value) ?? '';
              setStatus(next);
              loadFirst(next);
            }}
          >
            {statusFilters.map((s) => (
              <option key={s} value={s}>
                {s === '' ? t('staff.inbox.allStatuses') : t(`staff.feedbackStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </header>

      {stats && <InboxStats stats={stats} busy={busy} onJump={(id) => void jumpTo(id)} />}
      {error && (
        <p role="alert" className="error-message">
          {t('staff.inbox.loadFailed')} {t(error)}
        </p>
      )}
      {list === null && !error && <p role="status">{t('staff.inbox.loading')}</p>}
      {list && list.items.length === 0 && (
        <p className="staff-empty">{list.status === '' ? t('staff.inbox.empty') : t('staff.inbox.emptyStatus')}</p>
      )}
      {list && list.items.length > 0 && (
        <DeskHeadsContext.Provider value={deskHeads}>
          <ol className="feedback-list" aria-label={t('staff.inbox.listLabel')}>
            {list.items.map((item) => (
              <li key={item.responseId}>
                <FeedbackCard item={item} onUpdated={updated} />
              </li>
            ))}
          </ol>
        </DeskHeadsContext.Provider>
      )}
      {list && list.next !== null && (
        <button type="button" className="button-secondary load-more" disabled={busy} onClick={() => void loadMore()}>
          {busy ? t('staff.inbox.loadingMore') : t('staff.inbox.loadMore')}
        </button>
      )}
    </main>
  );
}
