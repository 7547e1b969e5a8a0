import { formatMoney } from '../../../kernel/format.ts';
import type { Ctx } from '../../../platform/context.ts';
import { barChartSvg } from '../../../platform/ui/bar-chart.server.ts';

/** The chart's stacked parts, from the money furthest along to what is left. */
const PARTS = ['paid', 'payable', 'committed', 'available'] as const;
const PART_COLOURS = { paid: '#1d3f6e', payable: '#2f6fb0', committed: '#4a7a2c', available: '#ffffff' };

/** One envelope-year as the page shows it: amounts in cents for drawing, formatted for reading. */
export type BudgetRow = {
  key: string;
  envelope: string;
  fiscalYear: string;
  cents: Record<'budget' | 'committed' | 'payable' | 'paid' | 'available', number>;
  money: Record<string, string>;
};

/** The budget as stacked bars, drawn on the server: readable without JavaScript, the same figures as the table. */
export function budgetChartSvg(rows: BudgetRow[], ctx: Pick<Ctx, 't' | 'locale'>): Promise<string> {
  const t = (key: string, values: Record<string, string> = {}) => ctx.t(`funding:${key}`, values);
  return barChartSvg({
    id: 'budget-chart',
    title: t('budget.chart_title'),
    description: t('budget.chart_desc'),
    formatValue: (cents) => formatMoney(cents, ctx.locale, false),
    legend: PARTS.map((part) => ({ key: part, label: t(`budget.${part}`), colour: PART_COLOURS[part] })),
    rows: rows.map((row) => ({
      key: row.key,
      label: `${row.envelope} · ${row.fiscalYear}`,
      parts: PARTS.map((part) => ({
        key: part,
        value: row.cents[part],
        text: t('budget.part_amount', { part: t(`budget.${part}`), amount: row.money[part] ?? '' }),
      })),
    })),
  });
}
