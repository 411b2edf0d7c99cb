import { useTranslation } from 'react-i18next';
import { DIMENSION_COUNT } from '../../../src/domain/dimensions';
import { isPartial } from '../../../src/domain/scoring';

/**
 * " (4/5 yếu tố)" beside a SIPAS figure that is the mean of fewer than five
 * dimensions (src/domain/scoring.ts `coverage`): such a figure means something
 * else than a full one, and says so wherever it is shown. Nothing for a full one,
 * nor where there is no figure at all.
 */
export function CoverageNote({ score }: { score: { coverage: number; index: number | null } }) {
  const { t } = useTranslation();
  if (score.index === null || !isPartial(score)) return null;
  return (
    <>
      {' '}
      <span
        className="coverage-note"
        title={t('staff.coverageHint', { coverage: score.coverage, total: DIMENSION_COUNT })}
      >
        ({t('staff.coverage', { coverage: score.coverage, total: DIMENSION_COUNT })})
      </span>
    </>
  );
}
