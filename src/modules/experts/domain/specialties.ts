/** What experts specialise in, and the diagnostic dimensions each specialty helps with. */
export const SPECIALTIES = {
  digital_strategy: ['strategy', 'skills'],
  web_presence: ['presence'],
  ecommerce_platforms: ['ecommerce'],
  online_marketing_social: ['marketing'],
  search_advertising: ['marketing', 'presence'],
  omnichannel_pos: ['omnichannel', 'operations'],
  data_measurement: ['data'],
  cybersecurity_privacy: ['security'],
} as const satisfies Record<string, readonly string[]>;

export type Specialty = keyof typeof SPECIALTIES;
export const SPECIALTY_IDS = Object.keys(SPECIALTIES) as Specialty[];

/** The first of the expert's specialties that helps with this dimension, if any. */
export function specialtyFor(specialties: readonly string[], dimension: string): Specialty | undefined {
  return specialties.find(
    (s): s is Specialty =>
      (SPECIALTIES[s as Specialty] as readonly string[] | undefined)?.includes(dimension) ?? false,
  );
}
