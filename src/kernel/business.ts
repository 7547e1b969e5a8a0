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

/** Employees in the bands the program compares and publishes by (the peer benchmark, reports, extracts). */
export const SIZE_BANDS = [
  { id: '1-4', min: 0, max: 4 },
  { id: '5-9', min: 5, max: 9 },
  { id: '10-19', min: 10, max: 19 },
  { id: '20-49', min: 20, max: 49 },
  { id: '50+', min: 50, max: Number.POSITIVE_INFINITY },
] as const;

export function sizeBandOf(employees: number | null | undefined): string | null {
  if (employees === null || employees === undefined) return null;
  return SIZE_BANDS.find((b) => employees >= b.min && employees <= b.max)?.id ?? null;
}
