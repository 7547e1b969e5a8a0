import type { ReactNode } from 'react';

/** The page's <title> (hoisted into <head> by React) and its one <h1>. */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  return (
    <>
      <title>{`${title} — Virage`}</title>
      <h1>{children}</h1>
    </>
  );
}

export function Notice({
  kind = 'info',
  children,
}: {
  kind?: 'info' | 'success' | 'warning';
  children: ReactNode;
}) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'success' ? 'status' : undefined}>
      {children}
    </div>
  );
}

/**
 * The box a wide table scrolls in on a narrow screen. It can take the focus so that keyboard users can
 * scroll it too (WCAG 2.1.1), and is named after the table.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
    <section className="table-wrap" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
