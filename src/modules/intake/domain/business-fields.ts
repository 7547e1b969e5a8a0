import { z } from 'zod';
import { REVENUE_BANDS } from '../../../kernel/business.ts';
import { findMunicipality } from '../../../kernel/municipalities.ts';
import {
  isQuebecPostalCode,
  normaliseNeq,
  normalisePostalCode,
  REGION_CODES,
} from '../../../kernel/quebec.ts';
import { hasControlCharacters } from '../../../kernel/text.ts';
import { LANGUAGES_SERVED, ONLINE_PRESENCE } from './choices.ts';

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => !hasControlCharacters(v, { multiline: true }), {
      error: 'common:validation.control_characters',
    });
const requiredText = (max: number) => text(max).pipe(z.string().min(1));

export const neqField = z
  .string()
  .max(20)
  .transform((v, ctx) => {
    const neq = normaliseNeq(v);
    if (!neq) ctx.addIssue({ code: 'custom', message: 'intake:validation.neq_format' });
    return neq ?? v;
  });

/** Any Canadian postal code, normalised; whether it is in Québec is for the caller to decide. */
export const postalCodeField = z
  .string()
  .max(10)
  .transform((v, ctx) => {
    const code = normalisePostalCode(v);
    if (!code) ctx.addIssue({ code: 'custom', message: 'intake:validation.postal_code_format' });
    return code ?? v;
  });

export const quebecPostalCodeField = postalCodeField.refine(isQuebecPostalCode, {
  error: 'intake:validation.postal_code_outside_quebec',
});

export const phoneField = z
  .string()
  .max(30)
  .transform((v, ctx) => {
    const digits = v.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
    if (digits.length !== 10) ctx.addIssue({ code: 'custom', message: 'intake:validation.phone_format' });
    return digits.length === 10 ? `${digits.slice(0, 3)} ${digits.slice(3, 6)}-${digits.slice(6)}` : v;
  });

/** A web address; typed without its scheme (`www.boutique.ca`), it is taken as https. */
const urlField = z
  .string()
  .trim()
  .max(300)
  .transform((v) => (/^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(v) ? `https://${v}` : v))
  .refine((v) => /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), { error: 'intake:validation.url' });

export const regionField = z.enum(REGION_CODES, { error: 'intake:validation.region_unknown' });
export const naicsField = z.string().regex(/^[1-9]\d{2}$/, { error: 'intake:validation.naics' });

/** The business facts of an application; every field optional here (drafts), completeness is checked at submission. */
export const businessShape = {
  legalName: requiredText(200),
  tradeName: text(200),
  neq: neqField,
  street: requiredText(200),
  /** A name or a code from the Québec municipalities list. */
  municipality: requiredText(120),
  postalCode: quebecPostalCodeField,
  /** May be left out: it follows from the municipality; when given it must agree with it. */
  region: regionField,
  phone: phoneField,
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.email({ error: 'common:validation.email' })),
  website: urlField.or(z.literal('')),
  socialLinks: z.array(urlField).max(10),
  naics: naicsField,
  employees: z.number().int().min(0).max(100_000),
  foundedYear: z.number().int().min(1800).max(2100),
  annualRevenueBand: z.enum(REVENUE_BANDS),
  languagesServed: z.array(z.enum(LANGUAGES_SERVED)).max(3),
  onlinePresence: z.array(z.enum(ONLINE_PRESENCE)).max(6),
  goals: text(4000),
  challenges: text(4000),
  contactName: requiredText(120),
  contactPhone: phoneField.or(z.literal('')),
};

export const businessDraftSchema = z.strictObject(businessShape).partial();
export type BusinessDraft = z.output<typeof businessDraftSchema>;

/** What must be filled in before submitting. */
export const REQUIRED_BUSINESS_FIELDS = [
  'legalName',
  'neq',
  'street',
  'municipality',
  'postalCode',
  'phone',
  'email',
  'naics',
  'employees',
  'foundedYear',
  'contactName',
] as const;

export type ResolvedPlace = { municipalityCode: string; municipalityName: string; region: string };

/**
 * The municipality (by name or code) and the region it sets; a region given alongside must agree.
 * Returns field issues instead of throwing, so every problem of a form is reported at once.
 */
export function resolvePlace(
  municipality: string,
  region: string | undefined,
): { place: ResolvedPlace } | { issue: { path: string; key: string; params?: Record<string, unknown> } } {
  const found = findMunicipality(municipality);
  if (!found) return { issue: { path: 'municipality', key: 'intake:validation.municipality_unknown' } };
  if ('ambiguous' in found) {
    return {
      issue: {
        path: 'municipality',
        key: 'intake:validation.municipality_ambiguous',
        params: {
          choices: found.ambiguous.map((m) => `${m.code} (${m.name}, ${m.designation})`).join(' ; '),
        },
      },
    };
  }
  if (region && region !== found.found.region) {
    return {
      issue: {
        path: 'region',
        key: 'intake:validation.region_mismatch',
        params: { municipality: found.found.name, region: found.found.region },
      },
    };
  }
  return {
    place: {
      municipalityCode: found.found.code,
      municipalityName: found.found.name,
      region: found.found.region,
    },
  };
}
