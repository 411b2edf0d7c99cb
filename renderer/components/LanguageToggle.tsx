import { useTranslation } from 'react-i18next';
import { languages } from '../../src/domain/language';
import { useLanguage } from '../i18n';
import { Tick } from './Tick';

/** Tiếng Việt / English, each named in its own language and marked with its lang. */
export function LanguageToggle({ className }: { className?: string }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  return (
    <div
      role="group"
      aria-label={t('language.label')}
      className={className ? `language-toggle ${className}` : 'language-toggle'}
    >
      {languages.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="language-option"
          aria-pressed={language === option}
          onClick={() => setLanguage(option)}
        >
          {t(`language.${option}`)}
          {/* Selection told by a tick too, not by the fill colour alone. */}
          {language === option && <Tick />}
        </button>
      ))}
    </div>
  );
}
