import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from './i18n-resources.ts';

type Tree = { [key: string]: string | string[] | Tree };

function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && !Array.isArray(value)
      ? flatten(value, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

const root = path.resolve(import.meta.dirname, '../..');
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry) && !entry.endsWith('.test.ts') ? [full] : [];
  });
}

function has(locale: 'fr' | 'en', ns: string, key: string): boolean {
  let node: unknown = resources[locale][ns];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node !== undefined;
}

describe('translations', () => {
  it('have exactly the same keys in French and English, in every namespace', () => {
    expect(Object.keys(resources.en).sort()).toEqual(Object.keys(resources.fr).sort());
    for (const ns of Object.keys(resources.fr)) {
      const fr = flatten(resources.fr[ns] as Tree).sort();
      const en = flatten(resources.en[ns] as Tree).sort();
      expect({ ns, missingInEnglish: fr.filter((k) => !en.includes(k)) }).toEqual({
        ns,
        missingInEnglish: [],
      });
      expect({ ns, missingInFrench: en.filter((k) => !fr.includes(k)) }).toEqual({ ns, missingInFrench: [] });
    }
  });

  it('have no empty message in either language', () => {
    for (const locale of ['fr', 'en'] as const) {
      for (const [ns, tree] of Object.entries(resources[locale])) {
        for (const key of flatten(tree as Tree)) {
          let node: unknown = tree;
          for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
          const texts = Array.isArray(node) ? node : [node];
          for (const text of texts) expect(String(text).trim(), `${locale} ${ns}:${key}`).not.toBe('');
        }
      }
    }
  });

  it('contain every literal key the code uses', () => {
    // `ns:key` for every namespace there is, so that a new module is checked without editing this test.
    const qualifiedKey = new RegExp(`'(${Object.keys(resources.fr).join('|')}):([\\w.]+)'`, 'g');
    const missing: string[] = [];
    for (const file of [...sourceFiles(path.join(root, 'src')), ...sourceFiles(path.join(root, 'app'))]) {
      const source = readFileSync(file, 'utf8');
      const defaultNs = /useTranslation\('(\w+)'\)/.exec(source)?.[1];
      const keys = new Set<string>();
      for (const m of source.matchAll(qualifiedKey)) keys.add(`${m[1]}:${m[2]}`);
      if (defaultNs) for (const m of source.matchAll(/\bt\('([\w.]+)'/g)) keys.add(`${defaultNs}:${m[1]}`);
      for (const qualified of keys) {
        const [ns, key] = qualified.split(':') as [string, string];
        for (const locale of ['fr', 'en'] as const) {
          if (!has(locale, ns, key) && !has(locale, ns, `${key}_other`))
            missing.push(`${locale} ${qualified} (${path.relative(root, file)})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
