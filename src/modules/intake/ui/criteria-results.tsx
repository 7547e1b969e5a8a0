import { useTranslation } from 'react-i18next';

/** Each eligibility criterion, met or not, with its reason: the same list wherever a result is shown. */
export function CriteriaResults({
  criteria,
}: {
  criteria: { id: string; passed: boolean; label: string; message: string }[];
}) {
  const { t } = useTranslation('intake');
  return (
    <ul className="result-list">
      {criteria.map((c) => (
        <li key={c.id} className={c.passed ? 'passed' : 'failed'}>
          <strong>
            {c.passed ? t('ui.passed') : t('ui.failed')} — {c.label}
          </strong>
          <br />
          {c.message}
        </li>
      ))}
    </ul>
  );
}
