import { useTranslation } from 'react-i18next';
import { useActionData, useLoaderData } from 'react-router';
import { fieldErrors } from '../../../platform/ui/forms.tsx';
import type { FormFailure } from '../../../platform/ui/route.server.ts';
import type { action, loader } from './assignments.tsx';

/** Names the address keeps from one view of the page to the next (proposal shown, its page, the search). */
export const KEPT = ['program', 'propose', 'expert', 'page', 'upage', 'q', 'business'] as const;
export type Kept = Partial<Record<(typeof KEPT)[number], string>>;

/** A refused confirmation, sent back to the page with the coordinator's choices kept. */
export type Refusal = FormFailure & { intent: 'confirm' | 'manual'; conflictRow: string | null };

/** What every part of the matching page reads: its data, the last submission's outcome, links, choices. */
export function useBoard() {
  const { t } = useTranslation('experts');
  const page = useLoaderData<typeof loader>();
  const { kept, experts } = page;
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  // TypeScript folds data(Refusal) into formAction's data(FormFailure) (a subtype): tell them apart here.
  const refused = failed && 'conflictRow' in failed ? (failed as unknown as Refusal) : undefined;
  const href = (changes: Kept, hash = '') => {
    const params = new URLSearchParams({ ...kept, ...changes } as Record<string, string>);
    for (const [k, v] of [...params]) if (!v) params.delete(k);
    return `?${params.toString()}${hash}`;
  };
  /** Experts who can take a file, with their free places in words. */
  const options = (exclude?: string) =>
    experts
      .filter((e) => e.active && e.id !== exclude)
      .map((e) => ({
        value: e.id,
        label:
          e.free === 0
            ? t('ui.assignments.option_full', { name: e.name })
            : t('ui.assignments.option', { name: e.name, free: e.freeShown, count: e.free }),
      }));
  return {
    page,
    failed,
    done: result && 'confirmed' in result ? result : undefined,
    rowsFailed: refused?.intent === 'confirm' ? refused : undefined,
    manualFailed: refused?.intent === 'manual' ? refused : undefined,
    errors: fieldErrors(failed?.error),
    expertName: new Map(experts.map((e) => [e.id, e.name])),
    href,
    options,
  };
}
