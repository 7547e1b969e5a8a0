import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n, instanceFor } from '../../../platform/i18n/i18n.ts';
import { resources } from '../../../wiring/i18n-resources.ts';
import { BudgetChart } from './budget-chart.tsx';

describe('budget chart', () => {
  it('is drawn on the server with a text alternative, one stacked bar per envelope-year, scaled to the budget', () => {
    const i18n = instanceFor(createI18n(resources), 'fr');
    const rows = [
      {
        key: 'a',
        envelope: 'Subventions',
        fiscalYear: '2026-2027',
        cents: { budget: 100_000, committed: 30_000, payable: 0, paid: 20_000, available: 50_000 },
        money: { committed: '300,00 $', payable: '0,00 $', paid: '200,00 $', available: '500,00 $' },
      },
    ];
    // Vitest runs .ts tests only, hence createElement rather than JSX.
    const html = renderToStaticMarkup(
      createElement(I18nextProvider, { i18n }, createElement(BudgetChart, { rows })),
    );
    expect(html).toMatch(/^<svg role="img" aria-labelledby="budget-chart-title budget-chart-desc"/);
    expect(html).toContain(
      '<title id="budget-chart-title">Budget utilisé par enveloppe et par exercice</title>',
    );
    expect(html).toContain('Subventions · 2026-2027');
    expect(html).toContain('<title>Payé : 200,00 $</title>');
    // 490 units of width for the budget: paid is a fifth of it, committed 30 %, available half.
    const widths = [...html.matchAll(/<rect x="[\d.]+" y="0" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toEqual([98, 0, 147, 245]);
  });
});
