/** Annual revenue bands a retailer picks from (no exact figure is asked at intake). */
export const REVENUE_BANDS = [
  'lt100k',
  '100k-250k',
  '250k-500k',
  '500k-1m',
  '1m-2m',
  '2m-5m',
  'gt5m',
] as const;
export type RevenueBand = (typeof REVENUE_BANDS)[number];
