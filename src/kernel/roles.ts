/** The seven roles of DESIGN §4, and the finance officer of issue 9 (sees the money, not the coaching notes). */
export const ROLES = [
  'retailer',
  'partner',
  'expert',
  'coordinator',
  'admin',
  'ministry',
  'researcher',
  'finance',
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
];

export function isStaff(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
