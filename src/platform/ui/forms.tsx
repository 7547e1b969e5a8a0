import { type MouseEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, type FormProps, Link, useRouteLoaderData } from 'react-router';
import type { LocalisedError } from '../http/problem.ts';

type RootData = { csrfToken: string };

/** The anti-forgery token every form must send back. */
export function CsrfField() {
  const root = useRouteLoaderData('root') as RootData | undefined;
  return <input type="hidden" name="_csrf" value={root?.csrfToken ?? ''} />;
}

/** A POST form that works without JavaScript and carries the anti-forgery token. */
export function PostForm({ children, ...props }: Omit<FormProps, 'method'>) {
  return (
    <Form method="post" noValidate {...props}>
      <CsrfField />
      {children}
    </Form>
  );
}

export const fieldId = (name: string) => `field-${name.replace(/\./g, '-')}`;

/** Field messages of a failed submission, by field name. */
export function fieldErrors(error: LocalisedError | undefined): Record<string, string> {
  return Object.fromEntries((error?.errors ?? []).map((e) => [e.path, e.message]));
}

/**
 * The summary at the top of a failed form: what went wrong, with a link to each field. It takes the
 * focus so screen-reader and keyboard users land on it.
 *
 * `hrefFor` gives the link of a field that is not `#field-<path>` on this page (a form whose inputs are
 * not named after the paths, or a field on another page of a multi-page form).
 */
export function ErrorSummary({
  error,
  hrefFor,
}: {
  error: LocalisedError | undefined;
  hrefFor?: (path: string) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { t } = useTranslation('app');
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title" className="error-summary">
      {/* Without field errors the detail says it all; the generic title ("Sign-in required" for a
          wrong password) would only confuse. */}
      <h2 id="error-summary-title">{error.errors.length > 0 ? t('form.fix_errors') : error.detail}</h2>
      {error.errors.length > 0 ? (
        <ul>
          {error.errors.map((e) => {
            const href = hrefFor?.(e.path) ?? `#${fieldId(e.path)}`;
            return (
              <li key={e.path}>
                {href.startsWith('#') ? (
                  <a href={href} onClick={focusField}>
                    {e.message}
                  </a>
                ) : (
                  <Link to={href}>{e.message}</Link>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * A summary link moves the focus to its field. Left to the browser, the jump to `#field-…` would be
 * a navigation for the router, which forgets the failed submission: the summary and the field messages
 * would vanish at the very moment the person goes to fix the field. Without JavaScript, the plain link
 * does the job.
 */
function focusField(event: MouseEvent<HTMLAnchorElement>) {
  const target = document.getElementById(event.currentTarget.hash.slice(1));
  if (!target) return;
  event.preventDefault();
  // A group of checkboxes: its first box.
  const field = target.matches('input, select, textarea, button')
    ? target
    : target.querySelector<HTMLElement>('input, select, textarea, button');
  const label = target.closest('.field') ?? target;
  label.scrollIntoView({ block: 'start' });
  (field ?? target).focus({ preventScroll: true });
}

/** A field's hint and error message, each with the id its control points at (aria-describedby). */
export function FieldMessages({
  hint,
  error,
  hintId,
  errorId,
}: {
  hint?: ReactNode;
  error?: string;
  hintId: string;
  errorId: string;
}) {
  const { t } = useTranslation('app');
  return (
    <>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="error-message">
          <span className="sr-only">{t('form.error_prefix')} </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

export type FieldProps = {
  name: string;
  /** Needed when the same name appears twice on a page (a filter and a form, one form per row). */
  id?: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
};

/** A labelled field: label (with « (facultatif) » unless required), hint, error, then the control. */
export function FieldShell({
  name,
  id: givenId,
  label,
  hint,
  error,
  required,
  children,
}: FieldProps & { children: (ids: { id: string; describedBy?: string }) => ReactNode }) {
  const id = givenId ?? fieldId(name);
  const hintId = useId();
  const errorId = useId();
  const { t } = useTranslation('app');
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required ? null : <span className="optional"> ({t('form.optional')})</span>}
      </label>
      <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
      {children({ id, describedBy })}
    </div>
  );
}

export function TextField({
  type = 'text',
  defaultValue,
  autoComplete,
  inputMode,
  ...props
}: FieldProps & {
  type?: 'text' | 'email' | 'password' | 'tel' | 'url' | 'number' | 'date' | 'search';
  defaultValue?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal' | 'text' | 'email' | 'tel';
}) {
  return (
    <FieldShell {...props}>
      {({ id, describedBy }) => (
        <input
          id={id}
          name={props.name}
          type={type}
          defaultValue={defaultValue}
          autoComplete={autoComplete}
          inputMode={inputMode}
          required={props.required}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldShell>
  );
}

export function SelectField({
  options,
  defaultValue,
  ...props
}: FieldProps & { options: { value: string; label: string }[]; defaultValue?: string }) {
  return (
    <FieldShell {...props}>
      {({ id, describedBy }) => (
        <select
          id={id}
          name={props.name}
          defaultValue={defaultValue}
          required={props.required}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export function SubmitButton({
  children,
  name,
  value,
  variant = 'primary',
}: {
  children: ReactNode;
  name?: string;
  value?: string;
  variant?: 'primary' | 'secondary' | 'danger';
}) {
  return (
    <button type="submit" name={name} value={value} className={`button button-${variant}`}>
      {children}
    </button>
  );
}
