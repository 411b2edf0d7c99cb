import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { dimensionIds, dimensionName as nameOfDimension } from '../../../src/domain/dimensions';
import { scaleChoices } from '../../../src/domain/scale';
import { useLanguage } from '../../i18n';
import { dimensionOf, itemText, reasonText } from '../questionnaireText';
import { nameOf, useStaff } from '../StaffContext';
import { CallBackPanel } from './CallBackPanel';
import { FeedbackActions } from './FeedbackActions';
import { FairHandlingNote } from './FairHandlingNote';
import type { FeedbackItem } from './types';

export const feedbackAnchor = (responseId: string) => `feedback-${responseId}`;

/** One low rating or comment, with what the citizen said and how it is being handled. */
export function FeedbackCard({ item, onUpdated }: { item: FeedbackItem; onUpdated: (item: FeedbackItem) => void }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { format, desks, setup } = useStaff();
  const headingId = useId();
  const lowId = useId();
  const reasonsId = useId();
  const labels = scaleChoices(5, language);

  // The one source of the names (src/domain/dimensions.ts), in the method's long form.
  const dimensionName = (id: string) => {
    const known = dimensionIds.find((d) => d === id);
    return known ? nameOfDimension(known, language, 'long') : id;
  };
  const context = [
    ['counter', nameOf(desks?.counters, item.counter)],
    ['officer', nameOf(desks?.officers, item.officer)],
    ['field', nameOf(desks?.fields, item.field)],
  ] as const;

  return (
    <article
      id={feedbackAnchor(item.responseId)}
      tabIndex={-1}
      className={`feedback-card status-${item.status}`}
      aria-labelledby={headingId}
    >
      <header className="feedback-head">
        <h2 id={headingId}>{t('staff.inbox.itemHeading', { time: format.dateTime(item.submittedAt) })}</h2>
        <p className="feedback-badges">
          <span className="badge badge-status">{t(`staff.feedbackStatus.${item.status}`)}</span>
          {item.flags.length > 0 && <span className="badge badge-flag">{t('staff.flag.suspect')}</span>}
          {item.responseStatus === 'abandoned' && <span className="badge badge-flag">{t('staff.flag.abandoned')}</span>}
          {item.selfResolved && <span className="badge badge-flag">{t('office.inbox.selfResolved')}</span>}
        </p>
      </header>

      <div className="feedback-grid">
        <div className="feedback-body">
          <dl className="feedback-context">
            {context.map(([kind, name]) => (
              <div key={kind}>
                <dt>{t(`staff.desk.${kind}`)}</dt>
                <dd>{name ?? t('staff.breakdown.notRecorded')}</dd>
              </div>
            ))}
            {item.phone && (
              <div>
                <dt>{t('staff.inbox.phone')}</dt>
                <dd>{item.phone}</dd>
              </div>
            )}
          </dl>

          {item.lowScores.length > 0 && (
            <section className="feedback-part">
              <h3 id={lowId}>{t('staff.inbox.lowScores')}</h3>
              <ul aria-labelledby={lowId}>
                {item.lowScores.map((low) => (
                  <li key={low.item}>
                    {/* The score first: a question often ends in "?", and "?:" reads badly. */}
                    <strong>
                      {t('staff.inbox.score', { value: low.value, label: labels[low.value - 1]?.label ?? '' })}
                    </strong>
                    {': '}
                    {itemText(setup, low.item, language) ?? dimensionName(dimensionOf(low.item))}
                  </li>
                ))}
              </ul>
            </section>
          )}

          {item.reasons.length > 0 && (
            <section className="feedback-part">
              <h3 id={reasonsId}>{t('staff.inbox.reasons')}</h3>
              <ul aria-labelledby={reasonsId}>
                {item.reasons.map((reason) => (
                  <li key={`${reason.dimension}/${reason.reason}`}>
                    {reasonText(setup, reason.dimension, reason.reason, language) ?? reason.reason}
                    <span className="reason-dimension"> ({dimensionName(reason.dimension)})</span>
                  </li>
                ))}
              </ul>
            </section>
          )}

          {item.comment && (
            <section className="feedback-part">
              <h3>{t('staff.inbox.comment')}</h3>
              {/* Plain text through React, never as HTML: whatever was typed shows literally. */}
              <p className="feedback-comment">{item.comment}</p>
            </section>
          )}

          <CallBackPanel item={item} onUpdated={onUpdated} />
        </div>
        <div className="feedback-side">
          <FairHandlingNote item={item} />
          <FeedbackActions item={item} onUpdated={onUpdated} />
        </div>
      </div>
    </article>
  );
}
