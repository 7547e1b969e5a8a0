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
