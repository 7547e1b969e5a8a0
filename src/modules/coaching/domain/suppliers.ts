/** Kinds of suppliers in the directory. */
export const SUPPLIER_CATEGORIES = [
  'ecommerce_platform',
  'web_agency',
  'marketing_agency',
  'developer',
  'trainer',
  'photo_video',
  'payment_pos',
  'logistics',
] as const;

export type SupplierCategory = (typeof SUPPLIER_CATEGORIES)[number];
