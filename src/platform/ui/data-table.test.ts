import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { StaticRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { DataTable } from './data-table.tsx';

const row = createElement('tr', null, createElement('td', null, 'hier'), createElement('td', null, 'Zoé'));
const render = (props: { className?: string; showCaption?: boolean; next?: string; nextLabel?: string }) =>
  renderToStaticMarkup(
    createElement(
      StaticRouter,
      { location: '/admin/audit?action=x' },
      // The rows come as the third argument, React's own way of giving children.
      createElement(
        DataTable,
        { caption: 'Journal', columns: ['Quand', 'Qui'], ...props } as Parameters<typeof DataTable>[0],
        row,
      ),
    ),
  );

describe('a data table', () => {
  it('scrolls in a box named like its caption, with a header cell per column', () => {
    const html = render({ className: 'stacked' });
    expect(html).toContain('<section class="table-wrap" tabindex="0" aria-label="Journal">');
    expect(html).toContain('<table class="data stacked"><caption class="sr-only">Journal</caption>');
    expect(html).toContain('<thead><tr><th scope="col">Quand</th><th scope="col">Qui</th></tr></thead>');
    expect(html).toContain('<tbody><tr><td>hier</td><td>Zoé</td></tr></tbody>');
    expect(html).not.toContain('<p>');
  });

  it('shows its caption when told, and links to the next page of a cursor-paged list', () => {
    const html = render({ showCaption: true, next: 'action=x&cursor=abc', nextLabel: 'Page suivante' });
    expect(html).toContain('<caption>Journal</caption>');
    expect(html).toContain(
      '<a href="/admin/audit?action=x&amp;cursor=abc" data-discover="true">Page suivante</a></p>',
    );
  });
});
