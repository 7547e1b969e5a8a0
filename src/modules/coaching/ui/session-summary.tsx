import { useTranslation } from 'react-i18next';
import { Badge } from './fields.tsx';

/**
 * A session's summary, as the use case lets the caller read it (the retailer only once it is shared);
 * the staff also see whether the retailer does.
 */
export function SessionSummary({
  summary,
  shared,
  staff,
}: {
  summary: string;
  shared: boolean;
  staff: boolean;
}) {
  const { t } = useTranslation('coaching');
  return (
    <>
      {summary}
      {staff ? (
        <>
          {' '}
          <Badge kind={shared ? 'done' : 'neutral'}>
            {shared ? t('ui.sessions.shared') : t('ui.sessions.not_shared')}
          </Badge>
        </>
      ) : null}
    </>
  );
}
