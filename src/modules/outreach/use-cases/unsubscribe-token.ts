import { deriveKey, mac, safeEqual } from '../../../platform/auth/crypto.ts';
import type { Config } from '../../../platform/config.ts';

/**
 * A recipient's unsubscribe token: their row's id and a keyed digest of it, so it names one person
 * and one message, cannot be guessed or altered, and needs nothing stored (the key is derived from
 * the instance secret). Plain base64url and hex: the link and the List-Unsubscribe header stay ASCII.
 */
export function unsubscribeToken(config: Config, recipientId: string): string {
  return `${recipientId.replaceAll('-', '')}${mac(keyOf(config), recipientId)}`;
}

export function unsubscribeUrl(config: Config, recipientId: string): string {
  return `${config.publicUrl}/unsubscribe/${unsubscribeToken(config, recipientId)}`;
}

/** The recipient a token was made for, or undefined when it was not made here. */
export function recipientOfToken(config: Config, token: string): string | undefined {
  const match = /^([0-9a-f]{32})([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return undefined;
  const hex = match[1]!;
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return safeEqual(match[2]!, mac(keyOf(config), id)) ? id : undefined;
}

/** The key is derived from the instance secret for this use alone (a leak of one opens nothing else). */
const keyOf = (config: Config) => deriveKey(config.sessionSecret, 'unsubscribe');
