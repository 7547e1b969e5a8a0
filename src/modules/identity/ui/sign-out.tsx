import { redirect } from 'react-router';
import { clearedSessionCookie } from '../../../platform/http/cookies.ts';
import { formAction } from '../../../platform/ui/route.server.ts';
import { signOut } from '../use-cases/sign-out.ts';

export const loader = () => redirect('/');

export const action = formAction(async ({ ctx, scope }) => {
  await signOut(ctx);
  return redirect('/', { headers: { 'Set-Cookie': clearedSessionCookie(scope.secureCookies) } });
});
