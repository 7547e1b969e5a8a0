import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** `45 min`, `1 h`, `1 h 30`. */
export function useDuration() {
  const { t } = useTranslation('coaching');
  return (minutes: number) => {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    if (h === 0) return t('ui.duration.minutes', { m });
    if (m === 0) return t('ui.duration.hours', { h });
    return t('ui.duration.hours_minutes', { h, m: String(m).padStart(2, '0') });
  };
}

/** A short state in words, boxed; its meaning never rests on colour alone. */
export function Badge({
  kind = 'neutral',
  children,
}: {
  kind?: 'neutral' | 'alert' | 'done';
  children: ReactNode;
}) {
  return <span className={`coaching-badge coaching-badge-${kind}`}>{children}</span>;
}
