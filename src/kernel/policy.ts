import type { Locale } from './locale.ts';
import type { Role } from './roles.ts';

// Who acts and the pure rules of who may: module domains build their policy tables from these.

export type UserActor = {
  kind: 'user';
  id: string;
  role: Role;
  email: string;
  name: string;
  locale: Locale;
  /** False while a staff member (or anyone who enabled TOTP) has not yet given the second factor. */
  secondFactor: boolean;
  via: 'session' | 'token';
  sessionId?: string;
  /** An administrator designated privacy officer by the configuration (PRIVACY_OFFICER_ADMINS, decision 33). */
  privacyOfficer?: boolean;
};

/** Who is acting: a person, nobody, or the operator at the command line / a background job. */
export type Actor =
  /** `deactivated`: the caller's session or token belongs to an account an administrator deactivated. */
  { kind: 'anonymous'; deactivated?: true } | UserActor | { kind: 'system'; label: string };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** A policy decides from the actor and the resource alone: pure, no I/O. */
export type Policy<R = unknown> = {
  allow: (actor: UserActor, resource: R) => boolean;
  /** Anonymous visitors may do it too (public pages, sign-in). */
  anonymous?: boolean;
  /** Allowed before the second factor is given (only what leads to giving it). */
  beforeSecondFactor?: boolean;
};

export type PolicyTable = Record<string, Policy<never>>;

// Small building blocks for policy tables.
export const hasRole =
  (...roles: Role[]) =>
  (actor: UserActor) =>
    roles.includes(actor.role);
export const signedIn = () => true;

/** The person in charge of personal information (Law 25): the `privacy` role, or a designated administrator. */
export const isPrivacyOfficer = (actor: UserActor) =>
  actor.role === 'privacy' || (actor.role === 'admin' && actor.privacyOfficer === true);

/** A business's file as access rules see it: the retailer who applied and the expert who coaches it. */
export type BusinessFile = { applicantId: string | null; assignedExpertUserId?: string | null };

/** The retailer whose file it is. */
export const isApplicant = (actor: UserActor, file: BusinessFile) =>
  actor.role === 'retailer' && actor.id === file.applicantId;

/** The expert assigned to the business, and only them (never another expert). */
export const isAssignedExpert = (actor: UserActor, file: BusinessFile) =>
  actor.role === 'expert' && !!file.assignedExpertUserId && actor.id === file.assignedExpertUserId;
