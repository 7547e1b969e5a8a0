import { redirect } from 'react-router';
import { sessionCookie } from '../http/cookies.ts';
import type { RequestScope } from '../http/request-scope.ts';

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
