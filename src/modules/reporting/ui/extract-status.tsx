import { useTranslation } from 'react-i18next';
import { type Generalisation, QUASI_IDENTIFIERS } from '../domain/research.ts';

/** Generalisation levels in words: `Région : Non diffusée, Sous-secteur : …`. */
export function useLevelsText() {
  const { t } = useTranslation('reporting');
  return (g: Generalisation) =>
    QUASI_IDENTIFIERS.map((q) =>
      t('research.ui.level_pair', {
        qi: t(`research.quasi_identifiers.${q}`),
        level: t(`research.levels.${q}.${g[q]}`),
      }),
    ).join(', ');
}

/** An extract's status in words, with why it was refused and the way out the check suggests. */
export function ExtractStatus({
  extract,
}: {
  extract: {
    status: 'requested' | 'approved' | 'refused' | 'erased';
    refusalKind: 'administrator' | 'k_anonymity' | null;
    refusalReason: string | null;
    failingClassCount: number | null;
    suggestion: Generalisation | null;
  };
}) {
  const { t } = useTranslation('reporting');
  const levels = useLevelsText();
  const x = extract;
  if (x.status !== 'refused') return <>{t(`research.status.${x.status}`)}</>;
  if (x.refusalKind === 'administrator')
    return <>{t('research.ui.refused_by_admin', { reason: x.refusalReason ?? '' })}</>;
  return (
    <>
      <p>
        {x.failingClassCount
          ? t('research.ui.refused_k', { count: x.failingClassCount })
          : t('research.ui.refused_k_empty')}
      </p>
      {x.suggestion ? <p>{t('research.ui.suggestion', { levels: levels(x.suggestion) })}</p> : null}
    </>
  );
}
