/**
 * `npm start`: prepares the process, then loads the server (server.ts). Everything here must happen
 * before any of the server's modules is compiled, which static imports would do first:
 * - React, react-dom and react-router choose their production or development build from NODE_ENV when
 *   first loaded: production unless NODE_ENV says otherwise (`--dev` keeps the development builds);
 * - Node's compile cache (in the system's temporary folder) lets later starts skip compiling and
 *   type-stripping unchanged modules;
 * - a package named in an import (`drizzle-orm`, `zod`…) resolves to the same file from every module of
 *   ours, so it is resolved once: resolving reads the package's `exports` map, which for drizzle-orm is
 *   178 kB of JSON, once per importing file otherwise.
 */
import module from 'node:module';

process.env.NODE_ENV ??= process.argv.includes('--dev') ? 'development' : 'production';
module.enableCompileCache?.();

const ours = [new URL('../', import.meta.url).href, new URL('../../app/', import.meta.url).href];
const resolved = new Map<string, module.ResolveFnOutput>();
module.registerHooks?.({
  resolve(specifier, context, nextResolve) {
    const bare = /^[@a-z]/.test(specifier) && !specifier.startsWith('node:');
    if (!bare || !ours.some((root) => context.parentURL?.startsWith(root)))
      return nextResolve(specifier, context);
    const key = `${specifier}\0${context.conditions.join(',')}`;
    let result = resolved.get(key);
    if (!result) {
      result = nextResolve(specifier, context);
      resolved.set(key, result);
    }
    return { ...result, shortCircuit: true };
  },
});

await import('./server.ts');
