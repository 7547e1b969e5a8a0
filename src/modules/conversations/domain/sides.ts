import type { Role } from '../../../kernel/roles.ts';

/** The two sides of a file's thread: the business, and those who serve it (its expert, the program team). */
export const SIDES = ['applicant', 'staff'] as const;
export type Side = (typeof SIDES)[number];

export const sideOf = (role: Role): Side => (role === 'retailer' ? 'applicant' : 'staff');

/** The longest message, in characters: a thread is for exchanges, documents go elsewhere. */
export const MAX_MESSAGE_LENGTH = 4000;
