import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../src/contract/operations';
import { useApi } from '../../api/ApiContext';
import { useLanguage } from '../../i18n';
import { clientProblem } from '../problem';
import { useAction } from '../useAdminCall';
import { FormFooter } from '../ui/Feedback';
import { CheckboxField } from '../ui/Field';
import { FilePicker } from '../ui/FilePicker';
import { readJsonFile } from './readJsonFile';

type Summary = OutputOf<'importQuestionnaire'>;

/**
 * Imports a questionnaire file. The host checks it against the schema; its
 * message names the place that is wrong (e.g. dimensions[2].items[0].text.vi),
 * and is shown as it came, so the administrator can find it in the file.
 */
export function ImportForm({ onImported }: { onImported: (summary: Summary) => void }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const api = useApi();
  const action = useAction();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [asNewVersion, setAsNewVersion] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return action.fail(clientProblem('admin.validation.noFile'));
    const read = await readJsonFile(file);
    if (!read.ok) return action.fail(read.problem);
    const summary = await action.run(
      () => api.call('importQuestionnaire', { definition: read.value, asNewVersion }),
      (result) =>
        t('admin.questionnaires.imported', { title: result.title[language], id: result.id, version: result.version }),
    );
    if (summary) {
      setFile(null);
      if (input.current) input.current.value = '';
      onImported(summary);
    }
  }

  return (
    <form className="admin-form" noValidate aria-labelledby="import-heading" onSubmit={(event) => void submit(event)}>
      <h2 id="import-heading">{t('admin.questionnaires.importHeading')}</h2>
      <p>{t('admin.questionnaires.importIntro')}</p>
      <FilePicker
        label={t('admin.questionnaires.file')}
        hint={t('admin.questionnaires.fileHint')}
        accept=".json,application/json"
        required
        inputRef={input}
        fileName={file?.name ?? null}
        onFile={(chosen) => {
          action.clear();
          setFile(chosen);
        }}
      />
      <CheckboxField
        label={t('admin.questionnaires.asNewVersion')}
        hint={t('admin.questionnaires.asNewVersionHint')}
        checked={asNewVersion}
        onChange={setAsNewVersion}
      />
      <FormFooter
        action={action}
        label={t('admin.questionnaires.import')}
        busyLabel={t('admin.questionnaires.importing')}
      />
    </form>
  );
}
