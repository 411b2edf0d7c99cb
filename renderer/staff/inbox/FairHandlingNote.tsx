import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDayOf } from '../../../src/domain/localDay';
import { nameOf, useStaff } from '../StaffContext';
import { useDeskHeads } from './deskHeads';
import type { FeedbackItem } from './types';

/**
 * Who may resolve this item and by when. An item about an officer is resolved by
 * another officer or the desk head; its due day is counted in working days.
 */
export function FairHandlingNote({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const { format, desks, session } = useStaff();
  const deskHeads = useDeskHeads();
  const open = item.status !== 'resolved';
  const [today] = useState(() => localDayOf(Date.now()));
  const overdue = open && today > item.dueDay;
  const aboutMe = item.officer !== null && item.officer === session.officer.code;
  const others = deskHeads.filter((head) => head.code !== item.officer).map((head) => head.name);

  return (
    <div className="fair-handling">
      {open && (
        <p className="feedback-due">
          {t('office.inbox.due', { day: format.shortDay(item.dueDay) })}{' '}
          {overdue && <span className="badge badge-flag">{t('office.inbox.overdue')}</span>}
        </p>
      )}
      {item.officer !== null &&
        (aboutMe ? (
          <p className="fair-note" role="note">
            {t('office.inbox.aboutYou')}
          </p>
        ) : (
          <p className="fair-note">
            {t('office.inbox.about', { name: nameOf(desks?.officers, item.officer) ?? item.officer })}.{' '}
            {others.length > 0
              ? t('office.inbox.whoResolves', { names: others.join(', ') })
              : t('office.inbox.whoResolvesAny')}
          </p>
        ))}
    </div>
  );
}
