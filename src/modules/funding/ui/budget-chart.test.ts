import { describe, expect, it } from 'vitest';
import { createI18n, translatorFor } from '../../../platform/i18n/i18n.ts';
import { resources } from '../../../wiring/i18n-resources.ts';
import { budgetChartSvg } from './budget-chart.server.ts';

describe('budget chart', () => {
  it('is drawn on the server with a text alternative, one stacked bar per envelope-year, scaled to the budget', async () => {
    const t = translatorFor(createI18n(resources), 'fr');
    const rows = [
      {
        key: 'a',
        envelope: 'Subventions',
        fiscalYear: '2026-2027',
        cents: { budget: 100_000, committed: 30_000, payable: 0, paid: 20_000, available: 50_000 },
        money: { committed: '300,00 $', payable: '0,00 $', paid: '200,00 $', available: '500,00 $' },
      },
    ];
    const svg = await budgetChartSvg(rows, { t, locale: 'fr' });
    expect(svg).toMatch(/<svg aria-labelledby="budget-chart-title budget-chart-desc" role="img"/);
    expect(svg).toContain(
      '<title id="budget-chart-title">Budget utilisé par enveloppe et par exercice</title>',
    );
    expect(svg).toContain('Subventions · 2026-2027');
    expect(svg).toContain('<title>Payé : 200,00 $</title>');
    // The value axis is in dollars as French writes them.
    expect(svg).toContain('1&#160;000&#160;$');
    // Paid is a fifth of the budget, nothing payable, committed 30 %, available half.
    const widths = [...svg.matchAll(/<rect fill="[^"]+" height="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map(
      (m) => Number(m[1]),
    );
    const budget = widths.reduce((a, b) => a + b, 0);
    expect(widths.map((w) => w / budget)).toEqual(
      [0.2, 0, 0.3, 0.5].map((share) => expect.closeTo(share, 9)),
    );
  });
});
