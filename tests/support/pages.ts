import { RouterContextProvider } from 'react-router';
import type { Ctx } from '../../src/platform/context.ts';
import { requestScope } from '../../src/platform/http/request-scope.ts';

type RouteArgs = { request: Request; params: Record<string, string>; context: RouterContextProvider };

function context(ctx: Ctx): RouterContextProvider {
  const provider = new RouterContextProvider();
  provider.set(requestScope, { ctx, nonce: 'nonce', csrfToken: 'csrf', secureCookies: false });
  return provider;
}

/** A page's loader run as `ctx` on `path`: its data, or what it threw (a redirect, an error page). */
export async function load<T>(
  loader: (args: RouteArgs) => Promise<T>,
  ctx: Ctx,
  path: string,
  params: Record<string, string> = {},
): Promise<T> {
  return loader({ request: new Request(`http://virage.test${path}`), params, context: context(ctx) });
}

/** A page's form sent as `ctx`: what the action answers (data, or a failure with its status). */
export async function send<T>(
  action: (args: RouteArgs) => Promise<T>,
  ctx: Ctx,
  path: string,
  fields: Record<string, string>,
  params: Record<string, string> = {},
): Promise<T> {
  const request = new Request(`http://virage.test${path}`, {
    method: 'POST',
    body: new URLSearchParams({ _csrf: 'csrf', ...fields }),
  });
  return action({ request, params, context: context(ctx) });
}

/** What a loader or action threw: a redirect's target, or an error page's status. */
export async function thrown(promise: Promise<unknown>): Promise<{ status: number; location?: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response)
      return { status: error.status, location: error.headers.get('location') ?? undefined };
    const init = (error as { init?: ResponseInit }).init;
    if (init?.status) return { status: init.status };
    throw error;
  }
  throw new Error('nothing was thrown');
}
