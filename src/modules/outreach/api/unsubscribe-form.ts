import { isAppError } from '../../../platform/errors.ts';
import type { TokenForm } from '../../../platform/http/app.ts';
import { unsubscribe } from '../use-cases/unsubscribe.ts';

/**
 * `POST /unsubscribe/{token}`: a mail client's RFC 8058 one-click (`List-Unsubscribe=One-Click`,
 * no cookie) is answered 200; the page's button is sent back to the page, which then says it is done.
 */
export const unsubscribeForm: TokenForm = {
  path: '/unsubscribe/:token',
  handle: async (ctx, token, form) => {
    try {
      await unsubscribe(ctx, token);
    } catch (error) {
      if (isAppError(error) && error.code === 'not_found')
        return new Response(ctx.t('common:errors.not_found'), {
          status: 404,
          headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        });
      throw error;
    }
    if (form.get('List-Unsubscribe') === 'One-Click')
      return new Response(ctx.t('outreach:unsubscribe.one_click'), {
        status: 200,
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      });
    return new Response(null, { status: 303, headers: { Location: `/unsubscribe/${token}` } });
  },
};
