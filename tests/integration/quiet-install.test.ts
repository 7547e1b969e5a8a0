import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import viteConfig from '../../vite.config.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('a quiet install and first start', () => {
  it('settles esbuild’s install script (its binary comes from an optional dependency), so `npm ci` has nothing to warn about', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.allowScripts).toEqual({ esbuild: false });
  });

  it('builds the interface without the bundler’s timing report, which reads like an error at `npm start`', () => {
    const config = viteConfig as { build?: { rolldownOptions?: { checks?: Record<string, boolean> } } };
    expect(config.build?.rolldownOptions?.checks?.bundlerTimings).toBe(false);
  });
});
