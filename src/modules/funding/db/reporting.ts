import { type SQL, sql } from 'drizzle-orm';
import { fundingEnvelopes, ledgerEntries } from './tables.ts';

export const AID_FIGURES = ['committed', 'paid', 'recovered'] as const;
export type AidFigure = (typeof AID_FIGURES)[number];

/**
 * Which accounts' balances make up each figure of the aid given to a business (grants envelopes):
 * committed is what was engaged and not released (committed, payable, paid and what was paid then
 * recovered); paid is what was paid, recovered or not; recovered is what came back.
 */
const ACCOUNTS_OF: Record<AidFigure, string[]> = {
  committed: ['committed', 'payable', 'paid', 'recovered'],
  paid: ['paid', 'recovered'],
  recovered: ['recovered'],
};

/** Per business of the program, one aid figure in cents (a subquery of `(application_id, value)`). */
export function aidPerBusiness(programId: string, figure: AidFigure): SQL {
  const accounts = `{${ACCOUNTS_OF[figure].join(',')}}`;
  return sql`select e.application_id, sum(
      case when e.to_account = any(${accounts}::text[]) then e.amount_cents else 0 end
      - case when e.from_account = any(${accounts}::text[]) then e.amount_cents else 0 end) as value
    from ${ledgerEntries} e join ${fundingEnvelopes} env on env.id = e.envelope_id
    where env.program_id = ${programId} and env.kind = 'grants'
    group by e.application_id
    having sum(case when e.to_account = any(${accounts}::text[]) then e.amount_cents else 0 end
      - case when e.from_account = any(${accounts}::text[]) then e.amount_cents else 0 end) <> 0`;
}
