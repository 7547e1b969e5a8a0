import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId } from '../../../../app/components/forms.tsx';

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

/** One choice among a few, as a fieldset of radio buttons (a rating, a change in revenue, an outcome). */
export function RadioGroup({
  name,
  id: givenId,
  label,
  hint,
  error,
  required,
  options,
  defaultValue,
}: {
  name: string;
  id?: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  options: { value: string; label: string }[];
  defaultValue?: string;
}) {
  const id = givenId ?? fieldId(name);
  const hintId = useId();
  const errorId = useId();
  const { t } = useTranslation('coaching');
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset id={id} className={error ? 'field field-error' : 'field'} aria-describedby={describedBy}>
      <legend>
        {label}
        {required ? null : <span className="optional"> ({t('app:form.optional')})</span>}
      </legend>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="error-message">
          <span className="sr-only">{t('app:form.error_prefix')} </span>
          {error}
        </p>
      ) : null}
      {options.map((option) => (
        <div key={option.value} className="radio">
          <input
            id={`${id}-${option.value}`}
            type="radio"
            name={name}
            value={option.value}
            defaultChecked={defaultValue === option.value}
          />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
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
