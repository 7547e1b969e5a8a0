import { type ReactNode, useEffect, useRef } from 'react';

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
  // A success reports what the reader just did: it takes the focus when it appears, so that it scrolls
  // into view (the button pressed may be far below) and screen readers read it. Without JavaScript the
  // new page starts at the top.
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (kind === 'success') ref.current?.focus();
  }, [kind]);
  return (
    <div
      ref={ref}
      className={`notice notice-${kind}`}
      role={kind === 'success' ? 'status' : undefined}
      tabIndex={kind === 'success' ? -1 : undefined}
    >
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
