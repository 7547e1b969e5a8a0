import { z } from 'zod';
import { instant, presentPage } from '../../../platform/http/present.ts';
import { ENVELOPE_KINDS } from '../domain/budget.ts';
import { ACCOUNTS } from '../domain/ledger.ts';
import type { closeFiscalYear } from '../use-cases/close-fiscal-year.ts';
import type { getBudget } from '../use-cases/get-budget.ts';
import type { listLedger } from '../use-cases/list-ledger.ts';

const money = z.number().int();

export const budget = z.object({
  programId: z.uuid(),
  programSlug: z.string(),
  envelopes: z.array(
    z.object({
      id: z.uuid(),
      key: z.string(),
      name: z.string(),
      nameFr: z.string(),
      nameEn: z.string(),
      kind: z.enum(ENVELOPE_KINDS),
      hourlyRateCents: money.nullable(),
      years: z.array(
        z.object({
          fiscalYear: z.string(),
          budgetCents: money,
          committedCents: money,
          payableCents: money,
          paidCents: money,
          availableCents: money,
          releasedCents: money,
          recoveredCents: money,
        }),
      ),
    }),
  ),
});

type Budget = Awaited<ReturnType<typeof getBudget>>;

export const presentBudget = (b: Budget): z.input<typeof budget> => ({
  programId: b.programId,
  programSlug: b.programSlug,
  envelopes: b.envelopes.map((e) => ({
    id: e.id,
    key: e.key,
    name: e.name,
    nameFr: e.nameFr,
    nameEn: e.nameEn,
    kind: e.kind,
    hourlyRateCents: e.hourlyRateCents,
    years: e.years.map((y) => ({ ...y })),
  })),
});

const ledgerEntry = z.object({
  id: z.uuid(),
  envelopeId: z.uuid(),
  fiscalYear: z.string(),
  applicationId: z.uuid(),
  kind: z.string(),
  from: z.enum(ACCOUNTS),
  to: z.enum(ACCOUNTS),
  amountCents: money,
  cause: z.string(),
  reverses: z.uuid().nullable(),
  reason: z.string(),
  source: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export const ledgerPage = z.object({ items: z.array(ledgerEntry), nextCursor: z.string().nullable() });

type LedgerPage = Awaited<ReturnType<typeof listLedger>>;

export const presentLedgerPage = (page: LedgerPage): z.input<typeof ledgerPage> =>
  presentPage(page, ({ actorName: _, envelopeName: __, ...e }) => ({
    ...e,
    createdAt: instant(e.createdAt),
  }));

export const yearEnd = z.object({
  fiscalYear: z.string(),
  envelopes: z.array(
    z.object({ envelopeId: z.uuid(), key: z.string(), releasedCents: money, carriedOverCents: money }),
  ),
});

type YearEnd = Awaited<ReturnType<typeof closeFiscalYear>>;

export const presentYearEnd = (y: YearEnd): z.input<typeof yearEnd> => ({
  fiscalYear: y.fiscalYear,
  envelopes: y.envelopes.map((e) => ({ ...e })),
});
