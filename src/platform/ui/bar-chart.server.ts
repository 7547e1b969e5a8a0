/**
 * Horizontal stacked bars drawn on the server with Observable Plot into a small DOM (linkedom), handed
 * to the page as markup: readable without JavaScript, and neither library reaches the browser (this
 * file is `.server.ts`). The chart is named for screen readers (role="img", a title and a description
 * it is labelled by); the page shows the same figures in a table beside it, the accessible alternative;
 * each bar part also carries its figure as a tooltip. Plot's own `<style>` blocks and style attributes
 * are removed, since the site's policy forbids inline styles (`style-src 'self'`): the look comes from
 * the `.chart` rules of app/app.css (decision 47). Both libraries load with the first chart drawn
 * (about 0.6 s), not when the server starts.
 */

export type BarPart = { key: string; value: number; text: string };
export type BarRow = { key: string; label: string; parts: BarPart[] };
export type BarLegend = { key: string; label: string; colour: string };

export type BarChartSpec = {
  /** Unique on the page: the title and description are referred to by id. */
  id: string;
  title: string;
  description: string;
  rows: BarRow[];
  /** The parts' colours and names, in the order they are stacked. */
  legend: BarLegend[];
  /** A tick of the value axis as the reader's language writes it (`1 234`, `1,234`, `2 500 $`). */
  formatValue: (value: number) => string;
};

const WIDTH = 720;
const BAND = 30;
const MARGIN_TOP = 10;
const MARGIN_BOTTOM = 30;
const MARGIN_LEFT_GAP = 10;
const MARGIN_RIGHT = 24;
const SVG = 'http://www.w3.org/2000/svg';
const FONT_PX = 13;
/** An average letter of the labels is about 0.6 em wide. */
const LETTER_EM = 0.6;
const MIN_LABELS_PX = 60;
const MAX_LABELS_PX = 320;

let libraries: Promise<[typeof import('@observablehq/plot'), Document]> | undefined;
function plotAndDocument() {
  libraries ??= Promise.all([import('@observablehq/plot'), import('linkedom')]).then(
    ([plot, { parseHTML }]) => [plot, parseHTML('<!doctype html><html><body></body></html>').document],
  );
  return libraries;
}

/**
 * Charts drawn lately, by what they show: drawing one takes 7–10 ms (linkedom's garbage), and a
 * dashboard reloaded while its figures stand still shows the same five charts again.
 */
const drawn = new Map<string, string>();
const DRAWN_KEPT = 64;

/** The chart as SVG markup (in a `<figure>` with its legend when it has more than one part). */
export async function barChartSvg(spec: BarChartSpec): Promise<string> {
  // The formatter is part of what is drawn: a few sample figures written by it stand for it.
  const key = JSON.stringify([spec, [0, 1, 1234.5, 98765432].map(spec.formatValue)]);
  const known = drawn.get(key);
  if (known !== undefined) {
    drawn.delete(key);
    drawn.set(key, known);
    return known;
  }
  const markup = await drawBarChart(spec);
  drawn.set(key, markup);
  if (drawn.size > DRAWN_KEPT) drawn.delete(drawn.keys().next().value!);
  return markup;
}

async function drawBarChart({
  id,
  title,
  description,
  rows,
  legend,
  formatValue,
}: BarChartSpec): Promise<string> {
  const [{ axisX, axisY, barX, gridX, plot }, document] = await plotAndDocument();
  const longest = Math.max(0, ...rows.map((r) => r.label.length));
  const labelsPx = Math.min(MAX_LABELS_PX, Math.max(MIN_LABELS_PX, Math.ceil(longest * LETTER_EM * FONT_PX)));
  const labelOf = new Map(rows.map((r) => [r.key, r.label]));
  const nameOf = new Map(legend.map((l) => [l.key, l.label]));
  const marks = rows.flatMap((row) =>
    row.parts.map((part) => ({
      row: row.key,
      part: part.key,
      value: Math.max(0, part.value),
      text: part.text,
    })),
  );
  const longestBar = Math.max(
    0,
    ...rows.map((r) => r.parts.reduce((sum, p) => sum + Math.max(0, p.value), 0)),
  );
  // At most five ticks, as many as fit their labels side by side; the figures are whole (counts,
  // cents), so no more ticks than units, or some would fall between two.
  const tickPx = formatValue(longestBar).length * LETTER_EM * FONT_PX + 24;
  const widthPx = WIDTH - labelsPx - MARGIN_LEFT_GAP - MARGIN_RIGHT;
  const ticks = Math.max(1, Math.min(5, Math.floor(longestBar), Math.floor(widthPx / tickPx)));
  const chart = plot({
    document,
    className: 'chart',
    width: WIDTH,
    height: MARGIN_TOP + MARGIN_BOTTOM + rows.length * BAND,
    marginTop: MARGIN_TOP,
    marginBottom: MARGIN_BOTTOM,
    marginLeft: labelsPx + MARGIN_LEFT_GAP,
    marginRight: MARGIN_RIGHT,
    x: { label: null },
    y: { domain: rows.map((r) => r.key), label: null, padding: 0.2 },
    color: {
      domain: legend.map((l) => l.key),
      range: legend.map((l) => l.colour),
      legend: legend.length > 1,
      tickFormat: (key: string) => nameOf.get(key) ?? key,
    },
    marks: [
      gridX({ ticks }),
      axisX({ ticks, tickFormat: formatValue }),
      // Longer labels end with an ellipsis; their full text stays in the table.
      axisY({
        tickSize: 0,
        tickFormat: (key: string) => labelOf.get(key) ?? key,
        lineWidth: labelsPx / FONT_PX,
        textOverflow: 'ellipsis',
      }),
      barX(marks, {
        x: 'value',
        y: 'row',
        fill: 'part',
        order: legend.map((l) => l.key),
        title: 'text',
        stroke: '#333',
      }),
    ],
  });
  const svg = chart.localName === 'svg' ? chart : chart.querySelector('svg.chart');
  if (!svg) throw new Error('Plot drew no chart');
  for (const element of chart.querySelectorAll('style')) element.remove();
  for (const element of [chart, ...chart.querySelectorAll('[style]')]) element.removeAttribute('style');
  for (const swatch of chart.querySelectorAll('.chart-swatch svg'))
    swatch.setAttribute('aria-hidden', 'true');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${id}-title ${id}-desc`);
  const desc = document.createElementNS(SVG, 'desc');
  desc.setAttribute('id', `${id}-desc`);
  desc.textContent = description;
  const name = document.createElementNS(SVG, 'title');
  name.setAttribute('id', `${id}-title`);
  name.textContent = title;
  svg.prepend(name, desc);
  return chart.outerHTML;
}
