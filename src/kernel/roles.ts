/**
 * The seven roles of DESIGN §4, the finance officer of issue 9 (sees the money, not the coaching notes) and
 * the privacy officer of issue 11 (Law 25: requests, incidents, retention; not the coaching itself).
 */
export const ROLES = [
  'retailer',
  'partner',
  'expert',
  'coordinator',
  'admin',
  'ministry',
  'researcher',
  'finance',
  'privacy',
] as const;
export type Role = (typeof ROLES)[number];

/** Staff roles must use a second factor (TOTP) to reach anything beyond enrolment. */
export const STAFF_ROLES: readonly Role[] = [
  'expert',
  'coordinator',
  'admin',
  'ministry',
  'researcher',
  'finance',
  'privacy',
];

export function isStaff(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
