import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useLanguage } from '../../i18n';
import { useFormat } from '../format';
import { useAction, useLoad } from '../useAdminCall';
import { LoadState, ProblemAlert, StatusLine } from '../ui/Feedback';
import { ImportForm } from './ImportForm';

/** Phiếu khảo sát: every stored version, which one the kiosk asks, importing and activating. */
export function QuestionnairesSection() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const api = useApi();
  const format = useFormat();
  const list = useLoad(useCallback(() => api.call('listQuestionnaires', {}), [api]));
  const activation = useAction();

  async function activate(id: string, version: number) {
    const done = await activation.run(
      () => api.call('activateQuestionnaire', { id, version }),
      (summary) => t('admin.questionnaires.activated', { title: summary.title[language], version: summary.version }),
    );
    if (done) list.reload();
  }

  return (
    <>
      <ScreenHeading>{t('admin.sections.questionnaires')}</ScreenHeading>
      <section className="admin-card" aria-labelledby="questionnaire-list-heading">
        <h2 id="questionnaire-list-heading">{t('admin.questionnaires.listHeading')}</h2>
        <p>{t('admin.questionnaires.listIntro')}</p>
        <LoadState loading={!list.data} problem={list.problem} onRetry={list.reload} />
        {list.data && (
          <table className="admin-table">
            <caption className="visually-hidden">{t('admin.questionnaires.listHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.questionnaires.title')}</th>
                <th scope="col">{t('admin.questionnaires.id')}</th>
                <th scope="col">{t('admin.questionnaires.version')}</th>
                <th scope="col">{t('admin.questionnaires.createdAt')}</th>
                <th scope="col">{t('admin.questionnaires.responses')}</th>
                <th scope="col">{t('admin.questionnaires.state')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((q) => (
                <tr key={`${q.id}@${q.version}`} className={q.active ? 'is-active' : undefined}>
                  <th scope="row">{q.title[language]}</th>
                  <td>{q.id}</td>
                  <td>{q.version}</td>
                  <td>{format.dateTime(q.createdAt)}</td>
                  <td>{format.count(q.responses)}</td>
                  <td>
                    {q.active ? (
                      <strong>{t('admin.questionnaires.inUse')}</strong>
                    ) : (
                      <button
                        type="button"
                        className="button-secondary"
                        disabled={activation.busy}
                        aria-label={t('admin.questionnaires.activateNamed', { id: q.id, version: q.version })}
                        onClick={() => void activate(q.id, q.version)}
                      >
                        {t('admin.questionnaires.activate')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ProblemAlert problem={activation.problem} />
        <StatusLine text={activation.done} />
      </section>
      <section className="admin-card" aria-label={t('admin.questionnaires.importHeading')}>
        <ImportForm onImported={list.reload} />
      </section>
    </>
  );
}
