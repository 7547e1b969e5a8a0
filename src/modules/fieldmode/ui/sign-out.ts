import type { FormEvent } from 'react';
import { clearDevice } from './device-store.ts';

/**
 * Signing out wipes what field mode kept on the device first (the next person on a shared tablet finds
 * nothing), then signs out. Without JavaScript the form is simply sent: there is nothing kept then.
 */
export function clearDeviceThenSubmit(event: FormEvent<HTMLFormElement>): void {
  event.preventDefault();
  const form = event.currentTarget;
  void clearDevice()
    .catch(() => undefined)
    .finally(() => form.submit());
}
