import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What an application says about the business, as its pages show it. */
export type BusinessFactsView = {
  legalName: string | null;
  tradeName: string | null;
  neq: string | null;
  naics: string | null;
  employees: number | null;
  foundedYear: number | null;
  annualRevenueBand: string | null;
  street: string | null;
  municipality: string | null;
  postalCode: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  contactName: string | null;
  contactPhone: string | null;
  languagesServed: string[];
  onlinePresence: string[];
  goals: string | null;
  challenges: string | null;
};

/**
 * The business facts of an application as a list of terms (the review page, the expert's file page),
 * with the website, e-mail and phone numbers as links; `children` adds terms at the end.
 */
export function BusinessFacts({
  business: b,
  regionName,
  children,
}: {
  business: BusinessFactsView;
  regionName: string | null;
  children?: ReactNode;
}) {
  const { t } = useTranslation('intake');
  const facts: [string, unknown][] = [
    ['legalName', b.legalName],
    ['tradeName', b.tradeName],
    ['neq', b.neq],
    ['naics', b.naics],
    ['employees', b.employees],
    ['foundedYear', b.foundedYear],
    ['annualRevenueBand', b.annualRevenueBand ? t(`ui.revenue.${b.annualRevenueBand}`) : null],
    ['street', b.street],
    ['municipality', b.municipality],
    ['postalCode', b.postalCode],
    ['region', regionName],
    ['phone', b.phone],
    ['email', b.email],
    ['website', b.website],
    ['contactName', b.contactName],
    ['contactPhone', b.contactPhone],
    ['languagesServed', b.languagesServed.map((l) => t(`ui.languages.${l}`)).join(', ')],
    ['onlinePresence', b.onlinePresence.map((p) => t(`ui.presence.${p}`)).join(', ')],
    ['goals', b.goals],
    ['challenges', b.challenges],
  ];
  return (
    <dl className="facts">
      {facts.map(([name, value]) => (
        <div key={name}>
          <dt>{t(`fields.business.${name}`)}</dt>
          <dd>
            {value === null || value === undefined || value === '' ? (
              '—'
            ) : name === 'website' && /^https?:\/\//.test(String(value)) ? (
              <a href={String(value)} rel="noopener noreferrer">
                {String(value)}
              </a>
            ) : name === 'email' ? (
              <a href={`mailto:${String(value)}`}>{String(value)}</a>
            ) : name === 'phone' || name === 'contactPhone' ? (
              <a href={`tel:${String(value).replace(/[^\d+]/g, '')}`}>{String(value)}</a>
            ) : (
              String(value)
            )}
          </dd>
        </div>
      ))}
      {children}
    </dl>
  );
}
