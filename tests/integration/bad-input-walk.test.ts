import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ApiOperation } from '../../src/platform/http/api.ts';
import { apiOperations } from '../../src/wiring/api.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';

/**
 * Every string field of every operation's declared input, in the body, the query and the path, gets
 * text PostgreSQL cannot store: a NUL character and half a surrogate pair. None may answer 5xx or log an
 * error; each names the field.
 */
type Json = Record<string, unknown>;
type Node = Json & { $ref?: string };

const NUL = 'a\u0000b';
const SURROGATE = 'a\uD800b';
const ANY_ID = '0190a5e2-0000-7000-8000-000000000000';

/** The path of every string in a JSON Schema (array items as index 0, record values under key `k`). */
function stringPaths(root: Node): string[][] {
  const defs = (root.$defs ?? {}) as Record<string, Node>;
  const found: string[][] = [];
  const walk = (node: Node | undefined, path: string[], depth: number) => {
    if (!node || depth > 8) return;
    if (node.$ref) return walk(defs[node.$ref.replace('#/$defs/', '')], path, depth + 1);
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const)
      for (const option of (node[key] as Node[] | undefined) ?? []) walk(option, path, depth + 1);
    const types = ([] as unknown[]).concat(node.type ?? []);
    if (types.includes('string')) found.push(path);
    for (const [name, child] of Object.entries((node.properties ?? {}) as Record<string, Node>))
      walk(child, [...path, name], depth + 1);
    if (node.additionalProperties && typeof node.additionalProperties === 'object') {
      found.push([...path, '\u0000key']); // a record's key is text too
      walk(node.additionalProperties as Node, [...path, 'k'], depth + 1);
    }
    if (node.items && typeof node.items === 'object') walk(node.items as Node, [...path, '0'], depth + 1);
  };
  walk(root, [], 0);
  return found.filter((p) => p.length > 0);
}

/** A value holding `bad` at `path` and nothing else. */
function valueAt(path: string[], bad: string): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return bad;
  if (head === '\u0000key') return { [`k${bad}`]: 'x' };
  return head === '0' ? [valueAt(rest, bad)] : { [head]: valueAt(rest, bad) };
}

const schemaPaths = (schema: z.ZodType | undefined) =>
  schema ? stringPaths(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Node) : [];

type Probe = {
  op: ApiOperation;
  where: string;
  url: string;
  json?: unknown;
  form?: Record<string, string>;
  field?: string;
};

/** The requests for one operation: each field in turn holds each unstorable text. */
function probes(op: ApiOperation): Probe[] {
  const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const pathWith = (name?: string, raw?: string) =>
    `/api/v1${op.path.replace(/\{(\w+)\}/g, (_, p) => (p === name ? raw! : ANY_ID))}`;
  const list: Probe[] = [];
  for (const [raw, bad] of [
    ['a%00b', NUL],
    ['a%ED%A0%80b', SURROGATE],
  ] as const) {
    for (const name of params)
      list.push({
        op,
        where: `path ${name}`,
        url: pathWith(name, raw),
        field: bad === NUL ? name : undefined,
      });
    for (const path of schemaPaths(op.query)) {
      const name = path[0]!;
      list.push({
        op,
        where: `query ${name}`,
        url: `${pathWith()}?${name}=${raw}`,
        // A query's undecodable bytes stay as written (`%ED…`): only the NUL reaches the operation.
        field: bad === NUL ? name : undefined,
      });
    }
    for (const path of schemaPaths(op.body)) {
      list.push({
        op,
        where: `body ${path.join('.')}`,
        url: pathWith(),
        json: valueAt(path, bad),
        field: path.map((p) => (p === '\u0000key' ? `k${bad}` : p)).join('.'),
      });
    }
    for (const [name] of schemaPaths(op.upload?.fields)) {
      list.push({
        op,
        where: `form ${name}`,
        url: pathWith(),
        form: { [name!]: bad },
        // A form's text is sent as UTF-8, which turns half a surrogate pair into U+FFFD: only the NUL arrives.
        field: bad === NUL ? name : undefined,
      });
    }
  }
  return list;
}

function formOf(fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

let h: Harness;
let adminToken: string;
const errorLines: string[] = [];

beforeAll(async () => {
  const logger = pino({ level: 'error' }, { write: (line: string) => errorLines.push(line) });
  h = await createHarness({ logger });
  const admin = await h.user('admin');
  adminToken = await h.token(admin.email);
});
afterAll(() => h?.close());

describe(`text the database cannot store, in every field of every operation (${engine})`, () => {
  it('is refused with a 4xx naming the field, never a 5xx nor an error in the log', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const op of apiOperations) {
      const callers = op.access === 'public' ? [adminToken, undefined] : [adminToken];
      for (const probe of probes(op)) {
        for (const token of callers) {
          sent++;
          const res = await h.request(probe.url, {
            method: op.method.toUpperCase(),
            token,
            ...(probe.json !== undefined
              ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(probe.json) }
              : probe.form
                ? { body: formOf(probe.form) }
                : op.body
                  ? { json: {} }
                  : op.upload
                    ? { body: new FormData() }
                    : {}),
          });
          const label = `${op.operationId} ${probe.where} ${token ? 'admin' : 'anonymous'}`;
          if (res.status >= 500) failures.push(`${label}: ${res.status}`);
          else if (probe.field !== undefined) {
            const body = (await res.json()) as { errors?: { path: string }[] };
            if (res.status !== 422 || !body.errors?.some((e) => e.path === probe.field))
              failures.push(`${label}: ${res.status} ${JSON.stringify(body.errors)}`);
          } else await res.body?.cancel();
        }
      }
    }
    expect(sent).toBeGreaterThan(500);
    expect(failures).toEqual([]);
    expect(errorLines).toEqual([]);
  }, 60_000);
});
