/** The seven roles of DESIGN §4. */
export const ROLES = [
  'retailer',
  'partner',
  'expert',
  'coordinator',
  'admin',
  'ministry',
  'researcher',
] as const;
export type Role = (typeof ROLES)[number];

/** Staff roles must use a second factor (TOTP) to reach anything beyond enrolment. */
export const STAFF_ROLES: readonly Role[] = ['expert', 'coordinator', 'admin', 'ministry', 'researcher'];

export function isStaff(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
