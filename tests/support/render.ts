import { type ComponentType, createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import {
  createStaticHandler,
  createStaticRouter,
  Outlet,
  RouterContextProvider,
  StaticRouterProvider,
} from 'react-router';
import type { Ctx } from '../../src/platform/context.ts';
import { requestScope } from '../../src/platform/http/request-scope.ts';
import { instanceFor } from '../../src/platform/i18n/i18n.ts';

type PageModule = {
  default: ComponentType;
  loader?: (args: never) => unknown;
  action?: (args: never) => unknown;
};

/**
 * A page rendered on the server as a reader acting as `ctx` sees it (loader, or action when `init`
 * posts a form, then markup in the context's language), without building the interface: `pattern` is
 * the route's path (`/review/applications/:id`).
 */
export async function renderPage(
  page: PageModule,
  ctx: Ctx,
  pattern: string,
  url: string,
  init?: RequestInit,
) {
  const routes = [
    {
      id: 'root',
      path: '/',
      loader: () => ({ csrfToken: 'csrf' }),
      Component: Outlet,
      children: [
        {
          id: 'page',
          path: pattern.replace(/^\//, ''),
          loader: page.loader,
          action: page.action,
          Component: page.default,
        },
      ],
    },
  ];
  const handler = createStaticHandler(routes as never);
  const context = new RouterContextProvider();
  context.set(requestScope, { ctx, nonce: 'nonce', csrfToken: 'csrf', secureCookies: false });
  const request = new Request(new URL(url, 'http://virage.test'), init);
  const result = await handler.query(request, { requestContext: context });
  if (result instanceof Response) return { status: result.status, html: '' };
  const router = createStaticRouter(handler.dataRoutes, result);
  const html = renderToString(
    createElement(
      I18nextProvider,
      { i18n: instanceFor(ctx.services.i18n, ctx.locale) },
      createElement(StaticRouterProvider, { router, context: result, hydrate: false }),
    ),
  );
  return { status: result.statusCode, html };
}
