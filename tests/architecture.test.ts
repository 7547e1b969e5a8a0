/**
 * The layout rules of ARCHITECTURE.md, checked on the imports of every source file:
 * - a domain file imports only the kernel, zod and its own module's domain;
 * - a page (`ui/`) imports no `db/` file and does not touch `ctx.db`;
 * - a module reaches another module only through that module's `index.ts`;
 * - the platform imports no module and not the wiring.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../src/platform/authorization.ts';
import { authorize, isAllowed } from '../src/wiring/authorize.ts';
import { importsOf, violationsOf } from './support/architecture.ts';

const root = path.resolve(import.meta.dirname, '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.includes('/+types/'));
}

describe('architecture', () => {
  it('every source file follows the layout rules', () => {
    const files = [...sourceFiles('src'), ...sourceFiles('app')];
    expect(files.length).toBeGreaterThan(200);
    const violations = files.flatMap((file) =>
      violationsOf(file, readFileSync(path.join(root, file), 'utf8')),
    );
    expect(violations).toEqual([]);
  });

  it('catches each kind of violation', () => {
    const cases: Array<[string, string]> = [
      ['src/modules/intake/domain/status.ts', "import { x } from '../../../platform/errors.ts';"],
      ['src/modules/intake/domain/status.ts', "import { x } from '../db/queries.ts';"],
      ['src/modules/intake/domain/status.ts', "import pino from 'pino';"],
      ['src/modules/experts/ui/assignments.tsx', "import { activeExpertOf } from '../db/queries.ts';"],
      ['src/modules/experts/ui/assignments.tsx', 'const rows = await activeExpertOf(ctx.db, id);'],
      [
        'src/modules/coaching/use-cases/close-file.ts',
        "import { applications } from '../../intake/db/tables.ts';",
      ],
      [
        'src/modules/coaching/ui/plan.tsx',
        "import { x } from '../../intake/use-cases/decide-application.ts';",
      ],
      ['src/platform/http/app.ts', "import { users } from '../../modules/identity/index.ts';"],
      ['src/platform/http/app.ts', "import { authorize } from '../../wiring/authorize.ts';"],
    ];
    for (const [file, text] of cases) {
      expect(violationsOf(file, text), `${file}: ${text}`).toHaveLength(1);
    }
    const allowed: Array<[string, string]> = [
      ['src/modules/intake/domain/status.ts', "import { z } from 'zod';"],
      ['src/modules/intake/domain/status.ts', "import { REGIONS } from '../../../kernel/quebec.ts';"],
      ['src/modules/intake/domain/status.ts', "import type { Facts } from './eligibility.ts';"],
      ['src/modules/coaching/ui/plan.tsx', "import { getPlan } from '../use-cases/get-plan.ts';"],
      [
        'src/modules/coaching/use-cases/close-file.ts',
        "import { lockProgram } from '../../programs/index.ts';",
      ],
      ['src/platform/http/app.ts', "import { AppError } from '../errors.ts';"],
    ];
    for (const [file, text] of allowed) {
      expect(violationsOf(file, text), `${file}: ${text}`).toEqual([]);
    }
  });

  it('reads every form of import', () => {
    const text = [
      "import a from './a.ts';",
      "import type { B } from './b.ts';",
      "export * from './c.ts';",
      "export { d } from './d.ts';",
      "const e = await import('./e.ts');",
      'import {\n  f,\n  g,\n} from "./f.ts";',
    ].join('\n');
    expect(importsOf(text)).toEqual(['./a.ts', './b.ts', './c.ts', './d.ts', './e.ts', './f.ts']);
  });

  it('knows every action by name: a misspelled one does not compile (npm run typecheck)', () => {
    // @ts-expect-error: no such action (the type-check fails if this line compiles)
    expect(() => authorize(ANONYMOUS, 'application.decid')).toThrow(/No policy/);
    // @ts-expect-error: the same for the question asked by pages and navigation
    expect(() => isAllowed(ANONYMOUS, 'supplier.manag')).toThrow(/No policy/);
    expect(isAllowed(ANONYMOUS, 'supplier.manage')).toBe(false);
  });
});
