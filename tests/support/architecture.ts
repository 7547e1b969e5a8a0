import path from 'node:path';

/** The module specifiers a source file imports or re-exports, statically or dynamically. */
export function importsOf(text: string): string[] {
  return importClausesOf(text).map((clause) => clause.specifier);
}

type ImportClause = { specifier: string; names: string[] };

function importClausesOf(text: string): ImportClause[] {
  const found: ImportClause[] = [];
  const pattern =
    /(?:^|[;\n])\s*(?:import|export)\s+(?:type\s+)?(?:([^'"`;]*?)\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of text.matchAll(pattern)) {
    const names = [...(match[1] ?? '').matchAll(/(?:\bas\s+)?\b([A-Za-z_$][\w$]*)\b(?=\s*[,}]|\s*$)/g)].map(
      (name) => name[1] as string,
    );
    found.push({ specifier: (match[2] ?? match[3]) as string, names });
  }
  return found;
}

type Place =
  | { kind: 'module'; module: string; part: string; test: boolean }
  | { kind: 'layer'; layer: string };

/** Where a project file sits: in a module (and which part of it), or in a layer (platform, kernel…). */
function placeOf(file: string): Place {
  const parts = file.split('/');
  if (parts[0] === 'src' && parts[1] === 'modules' && parts[2]) {
    const part = parts.length > 4 ? (parts[3] as string) : 'root';
    return { kind: 'module', module: parts[2], part, test: /\.test\.tsx?$/.test(file) };
  }
  return { kind: 'layer', layer: parts[0] === 'src' ? (parts[1] ?? 'src') : (parts[0] ?? '') };
}

const isLayer = (place: Place | undefined, layer: string) => place?.kind === 'layer' && place.layer === layer;

/** The rules of ARCHITECTURE.md broken by one file, in words (empty when it follows them). */
export function violationsOf(file: string, text: string): string[] {
  const from = placeOf(file);
  const problems: string[] = [];
  const say = (rule: string, target: string) => problems.push(`${file} → ${target}: ${rule}`);
  if (from.kind === 'module' && from.part === 'ui' && /\bctx\.db\b/.test(text)) {
    problems.push(`${file}: a page reads the database (ctx.db); it calls a use case`);
  }
  const foreignTables: string[] = [];
  for (const { specifier, names } of importClausesOf(text)) {
    const relative = specifier.startsWith('.');
    const target = relative ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)) : '';
    const to = relative ? placeOf(target) : undefined;
    if (from.kind === 'module') {
      if (from.part === 'domain') {
        const ownDomain = to?.kind === 'module' && to.module === from.module && to.part === 'domain';
        // A test of the domain may use test libraries; the domain itself only zod.
        const allowedPackage = !relative && (specifier === 'zod' || from.test);
        if (!(ownDomain || isLayer(to, 'kernel') || allowedPackage)) {
          say('a domain file imports only the kernel, zod and its own domain', specifier);
        }
      }
      if (to?.kind === 'module') {
        if (from.part === 'ui' && to.part === 'db') say('a page imports no db/ file', specifier);
        const throughIndex =
          target === `src/modules/${to.module}/index.ts` ||
          // Components for other modules' pages (decision 17): only pages compose them.
          (from.part === 'ui' && target === `src/modules/${to.module}/components.ts`);
        // Foreign keys and read joins: a db/ file may name another module's tables.
        const tableReference = from.part === 'db' && to.part === 'db' && target.endsWith('/db/tables.ts');
        if (to.module !== from.module && !throughIndex && !tableReference) {
          say(
            `another module is reached only through its index.ts (src/modules/${to.module}/index.ts)`,
            specifier,
          );
        }
        if (to.module !== from.module && target.endsWith('/db/tables.ts')) foreignTables.push(...names);
      }
    }
    if (isLayer(from, 'platform') && (to?.kind === 'module' || isLayer(to, 'wiring'))) {
      say('the platform imports no module and not the wiring', specifier);
    }
    if (isLayer(from, 'kernel') && to && !isLayer(to, 'kernel')) {
      say('the kernel imports only the kernel', specifier);
    }
  }
  for (const table of foreignTables) {
    if (new RegExp(`\\.(insert|update|delete)\\(\\s*${table}\\b`).test(text)) {
      problems.push(
        `${file}: writes ${table}, another module's table; that module's index.ts offers the write`,
      );
    }
  }
  return problems;
}
