import { fieldId } from '../../../../platform/ui/forms.tsx';
import type { ApplicationView } from '../../domain/application-view.ts';

export const STEPS = ['business', 'contact', 'online', 'consents', 'review'] as const;
export const LAST = STEPS.length;

/** The fields of steps 1 to 4, in the order each step asks for them (the review shows them so too). */
export const FIELDS_OF_STEP = [
  ['legalName', 'tradeName', 'neq', 'naics', 'employees', 'foundedYear', 'annualRevenueBand'],
  [
    'street',
    'municipality',
    'postalCode',
    'region',
    'phone',
    'email',
    'website',
    'socialLinks',
    'contactName',
    'contactPhone',
  ],
  ['languagesServed', 'onlinePresence', 'goals', 'challenges'],
  ['consents', 'attestation', 'referralCode'],
] as const;

/** The step each field is on (error paths are `business.<field>`, `consents.<purpose>`, …). */
const STEP_OF_FIELD: Record<string, number> = Object.fromEntries(
  FIELDS_OF_STEP.flatMap((fields, i) => fields.map((field) => [field, i + 1])),
);

/**
 * Where the error summary links a field to: the fields of this form are named without `business.`,
 * the region follows from the municipality, and a field of another step (missing at submission) is
 * on that step's page.
 */
export function errorHref(applicationId: string, step: number, path: string): string {
  const [head = '', rest] = path.split('.');
  const field = head === 'business' && rest ? (rest === 'region' ? 'municipality' : rest) : path;
  const target = `#${fieldId(field)}`;
  const on = STEP_OF_FIELD[head === 'business' ? field : head];
  return on === undefined || on === step ? target : `/applications/${applicationId}/steps/${on}${target}`;
}

/** What a step's fields are shown with: the saved application, and what a failed attempt sent back. */
export type StepProps = {
  application: ApplicationView;
  /** The value to show: the one just sent when the step failed, else the saved one. */
  v: (name: string, saved: unknown) => string;
  /** The message of a field of the business (`business.<name>`) or of the step (`<name>`). */
  e: (name: string) => string | undefined;
  /** The boxes to tick in a group: those just sent when the step failed, else the saved ones. */
  ticked: (name: string, saved: string[]) => string[];
};

/** What a step's form sent: each name's last value, and every value of a name (checkbox groups). */
export type SentForm = { form: Record<string, string>; all: (name: string) => string[] };

/** A required field left empty is left unchanged (the review says it is missing); an optional one is cleared. */
export const given = (form: Record<string, string>, name: string) =>
  form[name]?.trim() ? form[name] : undefined;
export const optional = (form: Record<string, string>, name: string) =>
  name in form ? form[name] : undefined;
