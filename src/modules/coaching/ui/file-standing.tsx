import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Notice } from '../../../platform/ui/page.tsx';
import { Badge } from './fields.tsx';
import type { FileData } from './file-state.ts';

/** The hours used and booked against the budget, with the warning to heed. */
export function HoursSection({ hours }: { hours: FileData['hours'] }) {
  const { t } = useTranslation('coaching');
  return (
    <section aria-labelledby="hours-title">
      <h2 id="hours-title">{t('ui.hours.title')}</h2>
      <p>{t('ui.hours.summary', hours)}</p>
      <p>{t('ui.hours.training', hours)}</p>
      {hours.message ? (
        <Notice kind="warning">
          <p>
            <strong>{t('ui.hours.warning')}</strong> {hours.message}
          </p>
        </Notice>
      ) : null}
    </section>
  );
}

/** The action plan's status and progress, with the way to it. */
export function PlanSection({ id, plan }: { id: string; plan: FileData['plan'] }) {
  const { t } = useTranslation('coaching');
  return (
    <section aria-labelledby="plan-title">
      <h2 id="plan-title">{t('ui.plan.title')}</h2>
      {plan ? (
        <p>
          <Badge kind={plan.status === 'approved' ? 'done' : 'neutral'}>
            {t(`ui.plan_status.${plan.status}`)}
          </Badge>{' '}
          {t('ui.plan_progress', { done: plan.done, total: plan.total })}
        </p>
      ) : (
        <p>{t('ui.file.no_plan')}</p>
      )}
      <p>
        <Link to={`/applications/${id}/plan`}>{plan ? t('ui.file.open_plan') : t('ui.file.start_plan')}</Link>
      </p>
    </section>
  );
}
