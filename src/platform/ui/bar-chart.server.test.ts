import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../kernel/format.ts';
import { barChartSvg } from './bar-chart.server.ts';

const legend = [
  { key: 'accepted', label: 'Acceptées', colour: '#4a7a2c' },
  { key: 'others', label: 'Autres', colour: '#d8e3ef' },
];
const rows = [
  {
    key: 'r1',
    label: 'Tremblay <script>alert(1)</script> & fils',
    parts: [
      { key: 'accepted', value: 1234, text: 'Acceptées : 1 234' },
      { key: 'others', value: 766, text: 'Demandes : 2 000' },
    ],
  },
  {
    key: 'r2',
    label: 'Montréal',
    parts: [
      { key: 'accepted', value: 10, text: 'Acceptées : 10' },
      { key: 'others', value: 0, text: 'Demandes : 10' },
    ],
  },
  // Two groups may share a name: they stay two bars.
  {
    key: 'r3',
    label: 'Montréal',
    parts: [
      { key: 'accepted', value: 5, text: 'Acceptées : 5' },
      { key: 'others', value: 5, text: 'Demandes : 10' },
    ],
  },
];

const draw = (locale: 'fr' | 'en') =>
  barChartSvg({
    id: 'test-chart',
    title: 'Demandes par région <b>',
    description: 'Barres empilées & tableau',
    rows,
    legend,
    formatValue: (value) => formatNumber(value, locale),
  });

describe('bar chart drawn on the server with Observable Plot', () => {
  it('is an image named by its title and description, one bar part per row and part', async () => {
    const markup = await draw('fr');
    const { document } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
    const svg = document.querySelector('svg.chart');
    expect(svg?.getAttribute('role')).toBe('img');
    expect(svg?.getAttribute('aria-labelledby')).toBe('test-chart-title test-chart-desc');
    expect(svg?.querySelector('#test-chart-title')?.textContent).toBe('Demandes par région <b>');
    expect(svg?.querySelector('#test-chart-desc')?.textContent).toBe('Barres empilées & tableau');
    const bars = [...(svg?.querySelectorAll('g[aria-label="bar"] rect') ?? [])];
    expect(bars).toHaveLength(rows.length * legend.length);
    expect(bars.map((b) => b.querySelector('title')?.textContent)).toContain('Acceptées : 1 234');
    // The stacked parts of the first row: accepted then the others, each as wide as its share.
    const [accepted, others] = bars.map((b) => Number(b.getAttribute('width')));
    expect(accepted ?? 0).toBeCloseTo(((others ?? 0) * 1234) / 766, 6);
    expect([...document.querySelectorAll('.chart-swatch')].map((s) => s.textContent)).toEqual([
      'Acceptées',
      'Autres',
    ]);
    // Three rows, even though two share their name.
    const labels = [...(svg?.querySelectorAll('g[aria-label="y-axis tick label"] text') ?? [])];
    expect(labels.map((l) => l.textContent)).toEqual([rows[0]?.label, 'Montréal', 'Montréal']);
  });

  it('writes its axis in the reader’s number format', async () => {
    const ticks = (markup: string) =>
      [...markup.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).filter((t) => /\d/.test(t ?? ''));
    expect(ticks(await draw('fr'))).toContain('2&#160;000');
    expect(ticks(await draw('en'))).toContain('2,000');
  });

  it('puts no tick between two whole figures when the bars are short', async () => {
    const markup = await barChartSvg({
      id: 'small',
      title: 'Charge',
      description: 'Dossiers actifs',
      legend: [{ key: 'active', label: 'Actifs', colour: '#2f6fb0' }],
      rows: [{ key: 'e', label: 'Experte', parts: [{ key: 'active', value: 3, text: '3' }] }],
      formatValue: String,
    });
    const labels = [...markup.matchAll(/aria-label="x-axis tick label">(.*?)<\/g>/g)].flatMap((m) =>
      [...(m[1] ?? '').matchAll(/>([^<]*)<\/text>/g)].map((t) => t[1]),
    );
    expect(labels).toEqual(['0', '1', '2', '3']);
  });

  it('carries no inline style, which the site’s policy would refuse, and escapes every text', async () => {
    const markup = await draw('fr');
    expect(markup).not.toMatch(/<style/i);
    expect(markup).not.toMatch(/\sstyle=/i);
    expect(markup).not.toContain('<script>');
    expect(markup).not.toContain('<b>');
    expect(markup).toContain('Tremblay &lt;script&gt;alert(1)&lt;/script&gt; &amp; fils');
  });

  it('draws again when a figure or the number format changes, and gives the same chart back otherwise', async () => {
    const before = await draw('fr');
    expect(await draw('fr')).toBe(before);
    expect(await draw('en')).not.toBe(before);
    const changed = structuredClone(rows);
    changed[1]!.parts[0]!.value = 11;
    const after = await barChartSvg({
      id: 'test-chart',
      title: 'Demandes par région <b>',
      description: 'Barres empilées & tableau',
      rows: changed,
      legend,
      formatValue: (value) => formatNumber(value, 'fr'),
    });
    expect(after).not.toBe(before);
  });
});
