import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { naicsLabel } from './options.ts';

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
  /** Left out where the page does not load them (then not shown at all, rather than shown as none). */
  socialLinks?: string[];
  contactName: string | null;
  contactPhone: string | null;
  languagesServed: string[];
  onlinePresence: string[];
  goals: string | null;
  challenges: string | null;
};

/** The facts given as a choice of the form: the key prefix of each choice's label. */
const CHOICE_LABELS: Record<string, string> = {
  annualRevenueBand: 'ui.revenue',
  languagesServed: 'ui.languages',
  onlinePresence: 'ui.presence',
};

/** A business fact as people read it: a choice by its label, a list joined; undefined when not given. */
export function readableFact(name: string, value: unknown, t: TFunction): string | undefined {
  const given = (Array.isArray(value) ? value : [value]).filter(
    (v) => v !== null && v !== undefined && v !== '',
  );
  if (given.length === 0) return undefined;
  const prefix = CHOICE_LABELS[name];
  return given.map((v) => (prefix ? t(`${prefix}.${v}`) : String(v))).join(', ');
}

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
  const { t, i18n } = useTranslation('intake');
  const link = (href: string) =>
    /^https?:\/\//.test(href) ? (
      <a href={href} rel="noopener noreferrer">
        {href}
      </a>
    ) : (
      href
    );
  const facts: [string, unknown][] = [
    ['legalName', b.legalName],
    ['tradeName', b.tradeName],
    ['neq', b.neq],
    ['naics', b.naics && naicsLabel(b.naics, i18n.language === 'en' ? 'en' : 'fr')],
    ['employees', b.employees],
    ['foundedYear', b.foundedYear],
    ['annualRevenueBand', b.annualRevenueBand],
    ['street', b.street],
    ['municipality', b.municipality],
    ['postalCode', b.postalCode],
    ['region', regionName],
    ['phone', b.phone],
    ['email', b.email],
    ['website', b.website],
    ...(b.socialLinks === undefined ? [] : [['socialLinks', b.socialLinks] as [string, unknown]]),
    ['contactName', b.contactName],
    ['contactPhone', b.contactPhone],
    ['languagesServed', b.languagesServed],
    ['onlinePresence', b.onlinePresence],
    ['goals', b.goals],
    ['challenges', b.challenges],
  ];
  return (
    <dl className="facts">
      {facts.map(([name, value]) => {
        const text = readableFact(name, value, t);
        return (
          <div key={name}>
            <dt>{t(`fields.business.${name}`)}</dt>
            <dd>
              {text === undefined ? (
                '—'
              ) : name === 'website' ? (
                link(text)
              ) : name === 'socialLinks' ? (
                <ul>
                  {(value as string[]).map((href) => (
                    <li key={href}>{link(href)}</li>
                  ))}
                </ul>
              ) : name === 'email' ? (
                <a href={`mailto:${text}`}>{text}</a>
              ) : name === 'phone' || name === 'contactPhone' ? (
                <a href={`tel:${text.replace(/[^\d+]/g, '')}`}>{text}</a>
              ) : (
                text
              )}
            </dd>
          </div>
        );
      })}
      {children}
    </dl>
  );
}
