/**
 * React, react-dom and react-router choose their production or development build from NODE_ENV when
 * they are first loaded, which happens while main.ts's imports are evaluated. This module is imported
 * first, so that `npm start` serves the production builds (several times faster to render) unless
 * NODE_ENV says otherwise; `--dev` keeps the development builds. It also turns on Node's compile cache,
 * so that later starts skip compiling (and type-stripping) unchanged modules.
 */
import module from 'node:module';

process.env.NODE_ENV ??= process.argv.includes('--dev') ? 'development' : 'production';
module.enableCompileCache?.();
