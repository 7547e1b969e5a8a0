import { useTranslation } from 'react-i18next';

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
export function BudgetChart({ rows }: { rows: BudgetRow[] }) {
  const { t } = useTranslation('funding');
  const barHeight = 24;
  const gap = 34;
  const labelWidth = 220;
  const width = 720;
  const legendY = rows.length * gap + 16;
  const scale =
    (width - labelWidth - 10) /
    Math.max(1, ...rows.map((r) => Math.max(r.cents.budget, r.cents.budget - r.cents.available)));
  return (
    <svg
      role="img"
      aria-labelledby="budget-chart-title budget-chart-desc"
      viewBox={`0 0 ${width} ${legendY + 30}`}
      width="100%"
      className="budget-chart"
    >
      <title id="budget-chart-title">{t('budget.chart_title')}</title>
      <desc id="budget-chart-desc">{t('budget.chart_desc')}</desc>
      {rows.map((row, i) => {
        let x = labelWidth;
        return (
          <g key={row.key}>
            <text x={0} y={i * gap + 17} fontSize="13">
              {row.envelope} · {row.fiscalYear}
            </text>
            {PARTS.map((part) => {
              const w = Math.max(0, row.cents[part]) * scale;
              const rect = (
                <rect
                  key={part}
                  x={x}
                  y={i * gap}
                  width={w}
                  height={barHeight}
                  fill={PART_COLOURS[part]}
                  stroke="#333"
                  strokeWidth={w > 0 ? 1 : 0}
                >
                  <title>
                    {t('budget.part_amount', { part: t(`budget.${part}`), amount: row.money[part] })}
                  </title>
                </rect>
              );
              x += w;
              return rect;
            })}
          </g>
        );
      })}
      {PARTS.map((part, i) => (
        <g key={part} transform={`translate(${i * 150}, ${legendY})`}>
          <rect width={14} height={14} fill={PART_COLOURS[part]} stroke="#333" />
          <text x={20} y={12} fontSize="13">
            {t(`budget.${part}`)}
          </text>
        </g>
      ))}
    </svg>
  );
}
