import { z } from 'zod';
import { LOCALES } from '../../../kernel/locale.ts';
import { ROLES } from '../../../kernel/roles.ts';
import { hasControlCharacters } from '../../../kernel/text.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy.ts';

/** Shared field rules of the identity inputs; each use case composes its own schema from them. */
export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'common:validation.email' }));

export const newPasswordField = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

/** A password being checked, not chosen: any non-empty string up to the bound. */
export const passwordField = z.string().min(1).max(200);

export const personNameField = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .refine((v) => !hasControlCharacters(v), { error: 'common:validation.control_characters' });

export const roleField = z.enum(ROLES);
export const localeField = z.enum(LOCALES);

/** A six-digit authenticator code, or a recovery code (letters and digits, dashes allowed). */
export const secondFactorCodeField = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[0-9A-Za-z -]+$/, { error: 'identity:validation.code_format' });
