import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { TableWrap } from './page.tsx';

/**
 * A table of data as every list page shows it: in a box that scrolls on a narrow screen and is named
 * after the table, with a caption (read by screen readers; shown when `showCaption`, for a page whose
 * headings do not already say it), one header cell per column, the rows given as children, and, for a
 * list read one page at a time, the link to the next page.
 */
export function DataTable({
  caption,
  showCaption = false,
  className,
  columns,
  children,
  next,
  nextLabel,
}: {
  caption: string;
  showCaption?: boolean;
  /** Classes besides `data` (`stacked` turns rows into cards on a narrow screen). */
  className?: string;
  columns: ReactNode[];
  children: ReactNode;
  /** The next page's query (its cursor and the list's filters), or null on the last page. */
  next?: string | null;
  nextLabel?: string;
}) {
  return (
    <>
      <TableWrap label={caption}>
        <table className={className ? `data ${className}` : 'data'}>
          <caption className={showCaption ? undefined : 'sr-only'}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column, i) => (
                // Columns are fixed for a table: their place is their identity.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above.
                <th key={i} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </TableWrap>
      {next ? (
        <p>
          <Link to={`?${next}`}>{nextLabel}</Link>
        </p>
      ) : null}
    </>
  );
}
