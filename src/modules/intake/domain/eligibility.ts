/**
 * The eligibility engine: criteria are data (editable by administrators), evaluated against the facts
 * a business gives. Every evaluation explains every criterion, in French and in English.
 */
import type { Locale } from '../../../kernel/locale.ts';
import {
  isQuebecPostalCode,
  normaliseNeq,
  normalisePostalCode,
  REGION_CODES,
  REGIONS,
} from '../../../kernel/quebec.ts';

export type FactValue = string | number | boolean | null | undefined;
export type Facts = Record<string, FactValue>;

export const FORMATS = ['quebec_postal_code', 'neq', 'email', 'phone'] as const;
export type Format = (typeof FORMATS)[number];

export type Comparison =
  | { op: 'in'; fact: string; values: (string | number)[] }
  | { op: 'between'; fact: string; min: number; max: number }
  | { op: 'lte'; fact: string; value: number }
  | { op: 'gte'; fact: string; value: number }
  | { op: 'equals'; fact: string; value: string | number | boolean }
  | { op: 'present'; fact: string }
  | { op: 'format'; fact: string; format: Format };

export type Condition = Comparison | { all: Condition[] } | { any: Condition[] };

export type Localised = Record<Locale, string>;

export type Criterion = {
  id: string;
  label: Localised;
  test: Condition;
  /** Why it failed; `{{value}}` is the business's own value, `{{limit}}` the rule's, `{{facts.<name>}}` any fact. */
  failure: Localised;
  /** What it means when it passes (same placeholders). */
  success: Localised;
};

export type CriterionResult = { id: string; passed: boolean; label: Localised; message: Localised };
export type Evaluation = { eligible: boolean; criteria: CriterionResult[] };

const FORMAT_CHECKS: Record<Format, (value: string) => boolean> = {
  quebec_postal_code: (v) => {
    const normalised = normalisePostalCode(v);
    return normalised !== undefined && isQuebecPostalCode(normalised);
  },
  neq: (v) => normaliseNeq(v) !== undefined,
  email: (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
  phone: (v) => v.replace(/\D/g, '').replace(/^1/, '').length === 10,
};

const isMissing = (value: FactValue): value is null | undefined | '' =>
  value === undefined || value === null || value === '';

/** Whether the facts satisfy the condition; a missing fact fails every comparison but `present` fails too. */
export function holds(condition: Condition, facts: Facts): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, facts));
  if ('any' in condition) return condition.any.some((c) => holds(c, facts));
  const value = facts[condition.fact];
  if (isMissing(value)) return false;
  switch (condition.op) {
    case 'present':
      return true;
    case 'in':
      return condition.values.map(String).includes(String(value));
    case 'equals':
      return value === condition.value || String(value) === String(condition.value);
    case 'format':
      return FORMAT_CHECKS[condition.format](String(value));
    case 'lte':
      return typeof value === 'number' && value <= condition.value;
    case 'gte':
      return typeof value === 'number' && value >= condition.value;
    case 'between':
      return typeof value === 'number' && value >= condition.min && value <= condition.max;
  }
}

/** The first comparison inside a condition: what `{{value}}` and `{{limit}}` refer to in messages. */
function primary(condition: Condition): Comparison {
  if ('all' in condition) return primary(condition.all[0]!);
  if ('any' in condition) return primary(condition.any[0]!);
  return condition;
}

/** What the business registry's status fact says, in words. */
const REGISTRY_STATUS_WORDS: Record<string, Localised> = {
  registered: { fr: 'immatriculée', en: 'registered' },
  struck_off: { fr: 'radiée', en: 'struck off' },
  other: { fr: 'ni immatriculée ni radiée', en: 'neither registered nor struck off' },
  not_listed: {
    fr: 'absente de l’extrait (à vérifier par l’équipe)',
    en: 'not in the extract (the team will check)',
  },
};

/**
 * A value as people read it: regions are stored as codes ("06") but known by name ("Montréal"), the
 * registry's status by its words.
 */
function readable(fact: string, value: string | number, locale: Locale): string {
  if (fact === 'region') return REGIONS.find((r) => r.code === String(value))?.name ?? String(value);
  if (fact === 'registryStatus') return REGISTRY_STATUS_WORDS[String(value)]?.[locale] ?? String(value);
  return String(value);
}

function limitOf(comparison: Comparison, locale: Locale): string {
  const list = (values: (string | number)[]) =>
    values.map((v) => readable(comparison.fact, v, locale)).join(', ');
  switch (comparison.op) {
    case 'in':
      return list(comparison.values);
    case 'between':
      return locale === 'fr'
        ? `${comparison.min} à ${comparison.max}`
        : `${comparison.min} to ${comparison.max}`;
    case 'lte':
    case 'gte':
    case 'equals':
      return readable(comparison.fact, String(comparison.value), locale);
    default:
      return '';
  }
}

/** The single number a limit stands for, if any: what a word after `{{limit}}` agrees with. */
function limitCount(comparison: Comparison): number | undefined {
  if (comparison.op === 'lte' || comparison.op === 'gte' || comparison.op === 'equals') {
    return typeof comparison.value === 'number' ? comparison.value : undefined;
  }
  return undefined;
}

/** A fact as a message shows it; a missing one says so, in parentheses unless the message puts it in some. */
function display(fact: string, value: FactValue, locale: Locale, inParentheses: boolean): string {
  if (isMissing(value)) {
    const missing = locale === 'fr' ? 'non fourni' : 'not given';
    return inParentheses ? missing : `(${missing})`;
  }
  if (typeof value === 'boolean') return locale === 'fr' ? (value ? 'oui' : 'non') : value ? 'yes' : 'no';
  return readable(fact, value, locale);
}

/** `{{name}}`, optionally followed by word forms: `{{value|an|ans}}`. */
const PLACEHOLDER = /\{\{\s*([\w.]+)\s*((?:\|[^|{}]*)*)\}\}/g;

/**
 * Fills `{{value}}`, `{{limit}}` and `{{facts.x}}`; unknown placeholders become empty, never raw braces.
 * Word forms after a placeholder agree with its number, by the language's plural rules (French counts
 * 0 and 1 as singular): `{{value|an|ans}}` gives « 1 an », « 12 ans »; `{{value|year|years}}` gives
 * "1 year", "0 years". A value that is not a single number (missing, a range) takes the last form.
 */
export function fillMessage(template: string, criterion: Criterion, facts: Facts, locale: Locale): string {
  const comparison = primary(criterion.test);
  const plural = new Intl.PluralRules(locale === 'fr' ? 'fr-CA' : 'en-CA');
  return template.replace(PLACEHOLDER, (placeholder: string, name: string, wordForms: string, at: number) => {
    let text: string;
    let count: number | undefined;
    if (name === 'value' || name.startsWith('facts.')) {
      const fact = name === 'value' ? comparison.fact : name.slice(6);
      const value = facts[fact];
      const inParentheses = template[at - 1] === '(' && template[at + placeholder.length] === ')';
      text = display(fact, value, locale, inParentheses);
      count = typeof value === 'number' ? value : undefined;
    } else if (name === 'limit') {
      text = limitOf(comparison, locale);
      count = limitCount(comparison);
    } else {
      return '';
    }
    const forms = wordForms
      .split('|')
      .slice(1)
      .map((form) => form.trim());
    if (forms.length === 0) return text;
    const word = count !== undefined && plural.select(count) === 'one' ? forms[0] : forms.at(-1);
    return `${text} ${word}`;
  });
}

export function evaluate(criteria: Criterion[], facts: Facts): Evaluation {
  const results = criteria.map((criterion) => {
    const passed = holds(criterion.test, facts);
    const template = passed ? criterion.success : criterion.failure;
    return {
      id: criterion.id,
      passed,
      label: criterion.label,
      message: {
        fr: fillMessage(template.fr, criterion, facts, 'fr'),
        en: fillMessage(template.en, criterion, facts, 'en'),
      },
    };
  });
  return { eligible: results.every((r) => r.passed), criteria: results };
}

/** The facts named by a condition (to tell the person what the check needs). */
export function factsUsed(condition: Condition): string[] {
  if ('all' in condition) return [...new Set(condition.all.flatMap(factsUsed))];
  if ('any' in condition) return [...new Set(condition.any.flatMap(factsUsed))];
  return [condition.fact];
}

/** The default program's criteria (DESIGN: configuration, not code — administrators edit a copy). */
export const DEFAULT_CRITERIA: Criterion[] = [
  {
    id: 'located_in_quebec',
    label: { fr: 'Entreprise située au Québec', en: 'Business located in Québec' },
    test: {
      all: [
        { op: 'format', fact: 'postalCode', format: 'quebec_postal_code' },
        { op: 'in', fact: 'region', values: REGION_CODES },
      ],
    },
    failure: {
      fr: "Le programme s'adresse aux entreprises situées au Québec : le code postal {{facts.postalCode}} et la région indiquée ({{facts.region}}) ne correspondent pas à une adresse au Québec.",
      en: 'The program is for businesses located in Québec: postal code {{facts.postalCode}} and the region given ({{facts.region}}) do not match an address in Québec.',
    },
    success: {
      fr: 'Votre entreprise est située au Québec (région : {{facts.region}}).',
      en: 'Your business is located in Québec (region: {{facts.region}}).',
    },
  },
  {
    id: 'valid_neq',
    label: { fr: "Numéro d'entreprise du Québec (NEQ) valide", en: 'Valid Québec enterprise number (NEQ)' },
    test: { op: 'format', fact: 'neq', format: 'neq' },
    failure: {
      fr: "Le NEQ {{value}} n'a pas le bon format : il compte 10 chiffres (espaces et tirets permis).",
      en: 'NEQ {{value}} is not in the right format: it has 10 digits (spaces and dashes allowed).',
    },
    success: { fr: 'Le NEQ {{value}} a le bon format.', en: 'NEQ {{value}} is in the right format.' },
  },
  {
    id: 'retail_trade',
    label: { fr: 'Commerce de détail (SCIAN 44-45)', en: 'Retail trade (NAICS 44-45)' },
    test: {
      op: 'in',
      fact: 'naics',
      values: ['441', '444', '445', '449', '455', '456', '457', '458', '459'],
    },
    failure: {
      fr: "Le programme s'adresse au commerce de détail (sous-secteurs SCIAN {{limit}}) ; le sous-secteur {{value}} n'en fait pas partie.",
      en: 'The program is for retail trade (NAICS subsectors {{limit}}); subsector {{value}} is not one of them.',
    },
    success: {
      fr: 'Votre commerce fait partie du commerce de détail (SCIAN {{value}}).',
      en: 'Your business is in retail trade (NAICS {{value}}).',
    },
  },
  {
    id: 'small_business',
    label: { fr: '50 employés ou moins', en: '50 employees or fewer' },
    test: { op: 'lte', fact: 'employees', value: 50 },
    failure: {
      fr: "Votre entreprise compte {{value|employé|employés}} ; le programme s'adresse aux entreprises de {{limit|employé|employés}} ou moins.",
      en: 'Your business has {{value|employee|employees}}; the program is for businesses with {{limit|employee|employees}} or fewer.',
    },
    success: {
      fr: 'Votre entreprise compte {{value|employé|employés}}, soit {{limit}} ou moins.',
      en: 'Your business has {{value|employee|employees}}, that is {{limit}} or fewer.',
    },
  },
  {
    id: 'one_year_in_operation',
    label: { fr: 'En activité depuis au moins un an', en: 'In operation for at least one year' },
    test: { op: 'gte', fact: 'yearsInOperation', value: 1 },
    failure: {
      fr: "Votre entreprise a été fondée en {{facts.foundedYear}} ; le programme demande au moins {{limit|an|ans}} d'activité.",
      en: 'Your business was founded in {{facts.foundedYear}}; the program asks for at least {{limit|year|years}} in operation.',
    },
    success: {
      fr: 'Votre entreprise est en activité depuis {{value|an|ans}}.',
      en: 'Your business has been in operation for {{value|year|years}}.',
    },
  },
  {
    id: 'not_already_in_program',
    label: { fr: 'Pas déjà inscrite au programme', en: 'Not already in the program' },
    test: { op: 'equals', fact: 'alreadyInProgram', value: false },
    failure: {
      fr: 'Une autre demande active utilise déjà le NEQ {{facts.neq}} dans ce programme.',
      en: 'Another active application already uses NEQ {{facts.neq}} in this program.',
    },
    success: {
      fr: "Aucune autre demande active n'utilise ce NEQ dans le programme.",
      en: 'No other active application uses this NEQ in the program.',
    },
  },
];

/**
 * Criteria on what the business registry says (issue 13), for administrators to add to a program's:
 * explained « selon le Registraire des entreprises, extrait du … ». A business the extract does not list
 * passes the status criterion (the extract may be older than the business) and is flagged in its words.
 */
export const REGISTRY_CRITERIA: Criterion[] = [
  {
    id: 'registry_registered',
    label: { fr: 'Immatriculée au registre des entreprises', en: 'Registered in the business registry' },
    test: { op: 'in', fact: 'registryStatus', values: ['registered', 'not_listed'] },
    failure: {
      fr: 'Selon le Registraire des entreprises, extrait du {{facts.registryExtractDate}}, l’entreprise est {{value}} ; le programme s’adresse aux entreprises immatriculées.',
      en: 'According to the Registraire des entreprises, extract of {{facts.registryExtractDate}}, the business is {{value}}; the program is for registered businesses.',
    },
    success: {
      fr: 'Selon le Registraire des entreprises, extrait du {{facts.registryExtractDate}}, l’entreprise est {{value}}.',
      en: 'According to the Registraire des entreprises, extract of {{facts.registryExtractDate}}, the business is {{value}}.',
    },
  },
  {
    id: 'registry_small_business',
    label: {
      fr: '50 employés ou moins selon le registre',
      en: '50 employees or fewer according to the registry',
    },
    test: { op: 'lte', fact: 'registryEmployeesMax', value: 50 },
    failure: {
      fr: 'Selon le Registraire des entreprises, extrait du {{facts.registryExtractDate}}, l’entreprise compte jusqu’à {{value|employé|employés}} au Québec ; le programme s’adresse aux entreprises de {{limit|employé|employés}} ou moins.',
      en: 'According to the Registraire des entreprises, extract of {{facts.registryExtractDate}}, the business has up to {{value|employee|employees}} in Québec; the program is for businesses with {{limit|employee|employees}} or fewer.',
    },
    success: {
      fr: 'Selon le Registraire des entreprises, extrait du {{facts.registryExtractDate}}, l’entreprise compte au plus {{value|employé|employés}} au Québec.',
      en: 'According to the Registraire des entreprises, extract of {{facts.registryExtractDate}}, the business has at most {{value|employee|employees}} in Québec.',
    },
  },
];

/**
 * The most employees a program's criteria allow (an `lte` or `between` on the declared or the
 * registry's count, in any branch of a condition); null when no criterion limits it.
 */
export function employeeLimitOf(criteria: readonly Criterion[]): number | null {
  const limits: number[] = [];
  const visit = (test: Condition) => {
    if ('all' in test) test.all.forEach(visit);
    else if ('any' in test) test.any.forEach(visit);
    else if (test.fact === 'employees' || test.fact === 'registryEmployeesMax') {
      if (test.op === 'lte') limits.push(test.value);
      if (test.op === 'between') limits.push(test.max);
    }
  };
  for (const c of criteria) visit(c.test);
  return limits.length > 0 ? Math.min(...limits) : null;
}
