import { createContext, type RouterContext } from 'react-router';
import type { Ctx } from '../context.ts';

/** What the HTTP layer hands to every page loader and action, besides the request itself. */
export type RequestScope = {
  ctx: Ctx;
  /** Nonce of this response's Content-Security-Policy, for the scripts React Router inlines. */
  nonce: string;
  /** Token every form posts back (cross-site request forgery protection). */
  csrfToken: string;
  /** Whether cookies must be Secure (the public address is https). */
  secureCookies: boolean;
};

// The server entry and the built route modules load separate copies of this file: the context key
// must be one object for both, so it lives on globalThis under a registered symbol.
const KEY = Symbol.for('virage.request-scope');
const registry = globalThis as unknown as Record<symbol, RouterContext<RequestScope> | undefined>;
registry[KEY] ??= createContext<RequestScope>();
export const requestScope: RouterContext<RequestScope> = registry[KEY];
