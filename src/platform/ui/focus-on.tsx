import { type ReactNode, useEffect, useRef } from 'react';

/**
 * A block that takes the focus when it appears or changes (the business chosen for a manual
 * assignment, an eligibility verdict): the form's button is far below it, and after a submission without
 * a page load the reader would not see it otherwise. Success messages do the same by themselves (Notice). Without JavaScript
 * the new page starts at the top.
 */
export function FocusOn({
  when,
  children,
  id,
  className = 'focus-on',
}: {
  when: unknown;
  children: ReactNode;
  id?: string;
  className?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (when) ref.current?.focus();
  }, [when]);
  if (!when) return null;
  return (
    <div ref={ref} tabIndex={-1} id={id} className={className}>
      {children}
    </div>
  );
}
