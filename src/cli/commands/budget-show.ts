import { formatMoney } from '../../kernel/format.ts';
import { getBudget } from '../../modules/funding/index.ts';
import { listPrograms } from '../../modules/programs/index.ts';
import { AppError } from '../../platform/errors.ts';
import { translatorFor } from '../../platform/i18n/i18n.ts';
import { systemCtx } from '../../wiring/services.ts';
import type { Command } from '../command.ts';

const COLUMNS = ['budget', 'committed', 'payable', 'paid', 'available'] as const;

export const budgetShow: Command = {
  name: 'budget show',
  summary:
    'Print a program’s budget per envelope and fiscal year: budget, committed, payable, paid, available',
  options: {
    program: { type: 'string', description: 'the program’s slug or id (default: the first program)' },
    year: { type: 'string', description: 'one fiscal year, e.g. 2026-2027 (default: every year)' },
  },
  needs: 'services',
  async run(args, io, { services }) {
    const ctx = { ...systemCtx(services!, 'virage budget show'), locale: 'en' as const };
    ctx.t = translatorFor(services!.i18n, 'en');
    const programs = await listPrograms(ctx);
    const wanted = args.program as string | undefined;
    const program = wanted ? programs.find((p) => p.slug === wanted || p.id === wanted) : programs[0];
    if (!program) throw new AppError('not_found');
    const budget = await getBudget(ctx, program.id, args.year ? { fiscalYear: args.year } : {});
    const rows = budget.envelopes.flatMap((e) =>
      e.years.map((y) => [
        e.name,
        y.fiscalYear,
        ...COLUMNS.map((c) => formatMoney(y[`${c}Cents`], 'en', true)),
      ]),
    );
    const header = ['Envelope', 'Fiscal year', ...COLUMNS.map((c) => c[0]!.toUpperCase() + c.slice(1))];
    const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i]!.length)));
    // Names left-aligned, amounts right-aligned, as a ledger is read.
    const line = (r: string[]) =>
      r.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
    io.out(`${program.slug}`);
    io.out(line(header));
    for (const row of rows) io.out(line(row));
    if (rows.length === 0) io.out('No envelope has a budget yet.');
    return 0;
  },
};
