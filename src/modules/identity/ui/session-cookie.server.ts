import { redirect } from 'react-router';
import { sessionCookie } from '../../../platform/http/cookies.ts';
import type { RequestScope } from '../../../platform/http/request-scope.ts';

/** Redirects with the new session cookie set. */
export function redirectWithSession(
  scope: RequestScope,
  to: string,
  session: { sessionToken: string; expiresAt: Date },
): Response {
  const { ctx } = scope;
  return redirect(to, {
    headers: {
      'Set-Cookie': sessionCookie(
        session.sessionToken,
        session.expiresAt,
        ctx.services.config.sessionSecret,
        scope.secureCookies,
        ctx.now(),
      ),
    },
  });
}

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
