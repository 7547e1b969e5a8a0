import { deriveKey, sign, unsign } from '../../../platform/auth/crypto.ts';
import type { Config } from '../../../platform/config.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';

const keyOf = (config: Config) => deriveKey(config.sessionSecret, 'reminder-stop-link');

/**
 * The address in each reminder that may be stopped: the person's id signed with a key of its own, so
 * that stopping needs no sign-in (the same electronic means, readily performed) and nobody can stop
 * someone else's reminders by guessing.
 */
export function stopLink(config: Config, userId: string): string {
  return `${config.publicUrl}/reminders/stop/${sign(userId, keyOf(config))}`;
}

/** The person a stop link names, or undefined when it was not made by this instance. */
export function personOfStopLink(config: Config, token: string): string | undefined {
  const userId = unsign(token, keyOf(config));
  return userId && UUID_PATTERN.test(userId) ? userId : undefined;
}
