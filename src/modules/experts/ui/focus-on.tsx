import { type ReactNode, useEffect, useRef } from 'react';

/**
 * A message that takes the focus when it appears (a profile saved, pairs confirmed): the form's button
 * is far below it, and after a submission without a page load the reader would not see it otherwise.
 * Screen readers read it as it gets the focus. Without JavaScript the new page starts at the top, on it.
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
