import { neqChecksumLooksRight } from '../../../kernel/quebec.ts';
import { foldForSearch } from '../../../kernel/text.ts';
import { type BusinessDraft, REQUIRED_BUSINESS_FIELDS, resolvePlace } from './business-fields.ts';
import type { ConsentChoice } from './consents.ts';
import { addressKey, normaliseEmail, normalisePhone } from './duplicates.ts';
import { futureFoundingYearIssue } from './facts.ts';

type Issue = { path: string; key: string; params?: Record<string, unknown> };

/** Business facts as stored: the municipality resolved to its code, name and region. */
export type BusinessColumns = Omit<BusinessDraft, 'municipality' | 'region'> & {
  municipalityCode?: string;
  municipalityName?: string;
  region?: string;
};

/**
 * Turns submitted business facts into columns. The municipality (name or code) sets the region; a
 * region given alone must agree with the municipality already on file; the founding year is not after
 * the current one (at `now`).
 */
export function columnsFromDraft(
  draft: BusinessDraft,
  onFile: { municipalityCode: string | null; region: string | null },
  now: Date,
): { columns: BusinessColumns; issues: Issue[] } {
  const { municipality, region, ...rest } = draft;
  const columns: BusinessColumns = { ...rest };
  const issues: Issue[] = [];
  const futureYear = futureFoundingYearIssue('business.foundedYear', draft.foundedYear, now);
  if (futureYear) issues.push(futureYear);
  if (municipality !== undefined) {
    const resolved = resolvePlace(municipality, region);
    if ('issue' in resolved) issues.push({ ...resolved.issue, path: `business.${resolved.issue.path}` });
    else Object.assign(columns, resolved.place);
  } else if (region !== undefined) {
    if (onFile.municipalityCode && onFile.region !== region) {
      issues.push({
        path: 'business.region',
        key: 'intake:validation.region_mismatch_on_file',
        params: { region: onFile.region },
      });
    } else columns.region = region;
  }
  return { columns, issues };
}

type Stored = {
  legalName: string | null;
  tradeName: string | null;
  neq: string | null;
  street: string | null;
  postalCode: string | null;
  phone: string | null;
  email: string | null;
};

/** Columns computed from the facts: duplicate keys, search text, the NEQ check-digit warning. */
export function derivedColumns(row: Stored) {
  return {
    emailKey: normaliseEmail(row.email),
    phoneKey: normalisePhone(row.phone),
    addressKey: addressKey(row.street, row.postalCode),
    searchText: foldForSearch([row.legalName, row.tradeName, row.neq].filter(Boolean).join(' ')),
    neqChecksumWarning: row.neq ? !neqChecksumLooksRight(row.neq) : false,
  };
}

const COLUMN_OF: Record<(typeof REQUIRED_BUSINESS_FIELDS)[number], string> = {
  legalName: 'legalName',
  neq: 'neq',
  street: 'street',
  municipality: 'municipalityCode',
  postalCode: 'postalCode',
  phone: 'phone',
  email: 'email',
  naics: 'naics',
  employees: 'employees',
  foundedYear: 'foundedYear',
  contactName: 'contactName',
};

/** Everything still missing before the application can be submitted, each named like the input field. */
export function missingForSubmission(
  row: Record<string, unknown>,
  consent: Partial<ConsentChoice>,
  attested: boolean,
): Issue[] {
  const issues: Issue[] = REQUIRED_BUSINESS_FIELDS.filter((field) => {
    const value = row[COLUMN_OF[field]];
    return value === null || value === undefined || value === '';
  }).map((field) => ({ path: `business.${field}`, key: 'common:validation.required' }));
  if (!consent.participation)
    issues.push({ path: 'consents.participation', key: 'intake:validation.participation_required' });
  if (!attested) issues.push({ path: 'attestation', key: 'intake:validation.attestation_required' });
  return issues;
}
