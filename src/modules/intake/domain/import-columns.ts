/** Columns of the paper-application file (see the README); the first eleven are required. */
export const IMPORT_COLUMNS = {
  legal_name: 'legalName',
  neq: 'neq',
  street: 'street',
  municipality: 'municipality',
  postal_code: 'postalCode',
  phone: 'phone',
  email: 'email',
  naics: 'naics',
  employees: 'employees',
  founded_year: 'foundedYear',
  contact_name: 'contactName',
  trade_name: 'tradeName',
  region: 'region',
  website: 'website',
  annual_revenue_band: 'annualRevenueBand',
  contact_phone: 'contactPhone',
  goals: 'goals',
  challenges: 'challenges',
} as const;
export const REQUIRED_COLUMNS = Object.keys(IMPORT_COLUMNS).slice(0, 11);
export const CONSENT_COLUMNS = {
  consent_research: 'research',
  consent_surveys: 'surveys',
  consent_publication: 'publication',
} as const;
