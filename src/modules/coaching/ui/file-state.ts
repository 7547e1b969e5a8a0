import { useActionData, useLoaderData } from 'react-router';
import { fieldErrors } from '../../../platform/ui/forms.tsx';
import type { action, loader } from './coaching-file.tsx';

export type FileData = ReturnType<typeof useLoaderData<typeof loader>>;
export type FileSession = FileData['upcoming'][number];
/** A form's field messages and the values entered, after a refused submission of that form only. */
export type FormState = { errors: Record<string, string>; values: Record<string, string> | undefined };

/** Where each form's fields are: the new session's, one session's, the closure's. */
const prefixOf = (intent: string | undefined, sessionId: string | undefined) =>
  intent === 'reschedule' || intent === 'record' ? `s-${sessionId}-` : intent === 'close' ? 'close-' : 'new-';

/** What every part of a coaching file's page reads: its data, and the outcome of the last submission. */
export function useCoachingFile() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const failedIntent = failed?.values.intent;
  const errors = fieldErrors(failed?.error);
  /** The failed form's errors and entered values, for the form they belong to only. */
  const stateOf = (intent: string, sessionId?: string) =>
    failed && failedIntent === intent && (sessionId === undefined || failed.values.sessionId === sessionId)
      ? { errors, values: failed.values, failed: true }
      : { errors: {} as Record<string, string>, values: undefined, failed: false };
  return {
    data,
    failed,
    failedIntent,
    done: result && 'done' in result ? result : undefined,
    prefix: prefixOf(failedIntent, failed?.values.sessionId),
    stateOf,
  };
}
