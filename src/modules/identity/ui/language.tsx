import { redirect } from 'react-router';
import { isLocale } from '../../../kernel/locale.ts';
import { localeCookie } from '../../../platform/http/cookies.ts';
import { formAction, safeNext } from '../../../platform/ui/route.server.ts';
import { updateProfile } from '../use-cases/update-profile.ts';

export const loader = () => redirect('/');

/** Switches the interface language: remembered in a cookie, and in the account when signed in. */
export const action = formAction(async ({ ctx, scope, form }) => {
  const locale = isLocale(form.locale) ? form.locale : 'fr';
  if (ctx.actor.kind === 'user') await updateProfile(ctx, { locale });
  return redirect(safeNext(form.next), {
    headers: { 'Set-Cookie': localeCookie(locale, scope.secureCookies) },
  });
});
