import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequestHandler, RouterContextProvider, type ServerBuild } from 'react-router';
import { type RequestScope, requestScope } from '../platform/http/request-scope.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SERVER_BUILD = path.join(ROOT, 'build/server/index.js');
export const CLIENT_BUILD = path.join(ROOT, 'build/client');

/** A fresh RouterContextProvider per request, carrying what the HTTP layer resolved. */
export function uiHandler(getBuild: () => Promise<ServerBuild>, mode: 'production' | 'development') {
  let handler: ReturnType<typeof createRequestHandler> | undefined;
  return async (request: Request, scope: RequestScope) => {
    const context = new RouterContextProvider();
    context.set(requestScope, scope);
    if (mode === 'development') return createRequestHandler(await getBuild(), mode)(request, context);
    handler ??= createRequestHandler(await getBuild(), mode);
    return handler(request, context);
  };
}

export async function loadProductionBuild(): Promise<ServerBuild> {
  return (await import(pathToFileURL(SERVER_BUILD).href)) as ServerBuild;
}

const SOURCES = ['app', 'src', 'public', 'vite.config.ts', 'react-router.config.ts', 'package-lock.json'];

/** Whether the interface must be (re)built: no build yet, or a source file newer than it. */
export function buildIsStale(): boolean {
  if (!existsSync(SERVER_BUILD)) return true;
  const builtAt = statSync(SERVER_BUILD).mtimeMs;
  const newer = (target: string): boolean => {
    const full = path.join(ROOT, target);
    if (!existsSync(full)) return false;
    const stat = statSync(full);
    if (!stat.isDirectory()) return stat.mtimeMs > builtAt;
    return readdirSync(full).some((entry) => newer(path.join(target, entry)));
  };
  return SOURCES.some(newer);
}
