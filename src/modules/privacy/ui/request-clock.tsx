import { useTranslation } from 'react-i18next';
import type { RequestClock as Clock } from '../domain/requests.ts';

/** A request's 30-day clock in words: days left, due today, or overdue (marked, not by colour alone). */
export function RequestClock({ clock, answeredOn }: { clock: Clock; answeredOn: string | null }) {
  const { t } = useTranslation('privacy');
  if (answeredOn) return <>{t('requests.clock.closed', { date: answeredOn })}</>;
  if (clock.overdue)
    return <strong className="overdue">{t('requests.clock.overdue', { count: -clock.daysLeft })}</strong>;
  if (clock.daysLeft === 0) return <strong>{t('requests.clock.due_today')}</strong>;
  return <>{t('requests.clock.days_left', { count: clock.daysLeft })}</>;
}
