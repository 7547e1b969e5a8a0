/** Where a half-signed-in person goes next. */
export function afterPassword(
  next: 'done' | 'second_factor' | 'enrol_second_factor',
  target: string,
): string {
  const q = `?next=${encodeURIComponent(target)}`;
  if (next === 'second_factor') return `/sign-in/verify${q}`;
  if (next === 'enrol_second_factor') return `/account/two-factor${q}`;
  return target;
}
