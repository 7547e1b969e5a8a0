/**
 * Kinds of cost a budget line or an invoice belongs to. A program's rules say which are eligible;
 * the names are i18n keys (`funding:categories.<id>`) so both languages show the same list.
 */
export const COST_CATEGORIES = [
  'digital_advisor',
  'ecommerce_platform',
  'website',
  'software_subscription',
  'online_marketing',
  'training',
  'hardware',
  'connectivity',
  'shipping',
] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];
