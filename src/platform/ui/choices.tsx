import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../kernel/locale.ts';
import { REGIONS } from '../../kernel/quebec.ts';
import { type FieldProps as Common, FieldShell, fieldId, FieldMessages as Messages } from './forms.tsx';

/** A multi-line text field (goals, notes, reasons). */
export function TextArea({
  defaultValue,
  rows = 5,
  maxLength,
  ...props
}: Common & { defaultValue?: string; rows?: number; maxLength?: number }) {
  return (
    <FieldShell {...props}>
      {({ id, describedBy }) => (
        <textarea
          id={id}
          name={props.name}
          rows={rows}
          maxLength={maxLength}
          defaultValue={defaultValue}
          required={props.required}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldShell>
  );
}

/** One checkbox with its own label (a consent, an attestation). Never ticked unless the person ticked it. */
export function Checkbox({
  defaultChecked,
  value = 'on',
  ...props
}: Common & { defaultChecked?: boolean; value?: string }) {
  const id = props.id ?? fieldId(props.name);
  const hintId = useId();
  const errorId = useId();
  const describedBy =
    [props.hint ? hintId : '', props.error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={props.error ? 'field checkbox field-error' : 'field checkbox'}>
      <Messages hint={undefined} error={props.error} hintId={hintId} errorId={errorId} />
      <input
        id={id}
        type="checkbox"
        name={props.name}
        value={value}
        defaultChecked={defaultChecked}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
      />
      <label htmlFor={id}>{props.label}</label>
      {props.hint ? (
        <p id={hintId} className="hint">
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

type ChoiceGroupProps = Common & { options: { value: string; label: string }[] };

/** A question with its choices as a fieldset: boxes to tick, or buttons of which one is chosen. */
function ChoiceGroup({
  type,
  options,
  isChecked,
  ...props
}: ChoiceGroupProps & { type: 'checkbox' | 'radio'; isChecked: (value: string) => boolean }) {
  const id = props.id ?? fieldId(props.name);
  const hintId = useId();
  const errorId = useId();
  const { t } = useTranslation('app');
  const describedBy =
    [props.hint ? hintId : '', props.error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset id={id} className={props.error ? 'field field-error' : 'field'} aria-describedby={describedBy}>
      <legend>
        {props.label}
        {props.required ? null : <span className="optional"> ({t('form.optional')})</span>}
      </legend>
      <Messages hint={props.hint} error={props.error} hintId={hintId} errorId={errorId} />
      {options.map((option) => (
        <div key={option.value} className={type}>
          <input
            id={`${id}-${option.value}`}
            type={type}
            name={props.name}
            value={option.value}
            defaultChecked={isChecked(option.value)}
          />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** Several choices under one question, as a fieldset (languages served, online presence). */
export function CheckboxGroup({
  defaultValues = [],
  ...props
}: ChoiceGroupProps & { defaultValues?: string[] }) {
  return <ChoiceGroup type="checkbox" isChecked={(value) => defaultValues.includes(value)} {...props} />;
}

/** One choice among a few, as a fieldset of radio buttons (a rating, an outcome, availability). */
export function RadioGroup({ defaultValue, ...props }: ChoiceGroupProps & { defaultValue?: string }) {
  return <ChoiceGroup type="radio" isChecked={(value) => value === defaultValue} {...props} />;
}

/** The 17 administrative regions as choices: `06 – Montréal`. */
export const regionOptions = () => REGIONS.map((r) => ({ value: r.code, label: `${r.code} – ${r.name}` }));

/**
 * Where someone works and in which languages: the regions (in a grid) and the languages, two required
 * checkbox groups (expert profiles, the supplier directory). Words come from the caller's module.
 */
export function RegionsAndLanguages({
  labels,
  languageName,
  values,
  errors,
}: {
  labels: { regions: string; regionsHint: string; languages: string; languagesHint: string };
  /** A language's name, in the reader's language. */
  languageName: (locale: Locale) => string;
  values: { regions: string[]; languages: string[] };
  errors: { regions?: string | undefined; languages?: string | undefined };
}) {
  return (
    <>
      <div className="choice-grid">
        <CheckboxGroup
          name="regions"
          label={labels.regions}
          hint={labels.regionsHint}
          required
          options={regionOptions()}
          defaultValues={values.regions}
          error={errors.regions}
        />
      </div>
      <CheckboxGroup
        name="languages"
        label={labels.languages}
        hint={labels.languagesHint}
        required
        options={LOCALES.map((l) => ({ value: l, label: languageName(l) }))}
        defaultValues={values.languages}
        error={errors.languages}
      />
    </>
  );
}
