import { compileErrors, validate } from '@readme/openapi-parser';
import { generateApi } from 'swagger-typescript-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type ApiOperation, defineOperation, openApiDocument } from '../../src/platform/http/api.ts';
import { apiOperations } from '../../src/wiring/api.ts';
import { createHarness, engine, expectDeclaredAnswer, type Harness } from '../support/harness.ts';

type Document = ReturnType<typeof openApiDocument>;

let h: Harness;
let served: Document;

beforeAll(async () => {
  h = await createHarness();
  served = await (await h.request('/api/v1/openapi.json')).json();
});
afterAll(() => h?.close());

/** Every `$ref` of a document, with where it is. */
function refsOf(value: unknown, at = '#'): { at: string; ref: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => refsOf(item, `${at}/${i}`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string' ? [{ at, ref: inner }] : refsOf(inner, `${at}/${key}`),
  );
}

async function validationErrors(document: unknown): Promise<string | undefined> {
  const result = await validate(structuredClone(document) as Parameters<typeof validate>[0]);
  return result.valid ? undefined : compileErrors(result);
}

describe(`The OpenAPI document as integrators' tools read it (${engine})`, () => {
  it('is valid for a maintained OpenAPI validator', async () => {
    expect(await validationErrors(served)).toBeUndefined();
  });

  it('is refused by that validator when a reference cannot be resolved (the check can fail)', async () => {
    const broken = structuredClone(served);
    broken.components.schemas.Broken = { $ref: '#/$defs/__schema0' };
    expect(await validationErrors(broken)).toContain('__schema0');
  });

  it('references shared and recursive schemas from components/schemas, by name', () => {
    const schemas = served.components.schemas;
    for (const { at, ref } of refsOf(served)) {
      expect(ref, at).toMatch(/^#\/components\/schemas\/[A-Za-z][\w.-]*$/);
      expect(schemas[ref.split('/').at(-1)!], `${at} → ${ref}`).toBeDefined();
    }
    const criteria = served.paths['/programs/{id}/criteria']!.put as {
      requestBody: { content: { 'application/json': { schema: { properties: { criteria: unknown } } } } };
    };
    expect(criteria.requestBody.content['application/json'].schema.properties.criteria).toMatchObject({
      type: 'array',
      items: { $ref: '#/components/schemas/EligibilityCriterion' },
    });
    // The condition is recursive: groups (`all`, `any`) hold conditions.
    expect(JSON.stringify(schemas.EligibilityCondition)).toContain(
      '"$ref":"#/components/schemas/EligibilityCondition"',
    );
    expect(schemas.Problem).toBeDefined();
  });

  it('declares what every operation answers: a JSON schema, a file type, or no content (204)', () => {
    const undeclared = apiOperations
      .filter((op) => !op.response && !op.produces && op.successStatus !== 204)
      .map((op) => op.operationId);
    expect(undeclared).toEqual([]);
    expect(
      served.paths['/diagnostics/{id}/report.pdf']!.get as { responses: Record<string, { content: object }> },
    ).toMatchObject({ responses: { '200': { content: { 'application/pdf': {} } } } });
  });

  it('generates a TypeScript client with a method per operation', async () => {
    const { files } = await generateApi({
      spec: structuredClone(served) as never,
      output: false,
      silent: true,
    } as Parameters<typeof generateApi>[0]);
    const client = files.map((f) => f.fileContent).join('\n');
    const methods = new Set(client.match(/^\s+(\w+): \(/gm)?.map((line) => line.trim().slice(0, -3)));
    const missing = apiOperations.map((op) => op.operationId).filter((id) => !methods.has(id));
    expect(missing).toEqual([]);
  }, 60_000);

  it('refuses a recursive schema without a name, instead of publishing a reference nobody can resolve', () => {
    type Tree = { children: Tree[] };
    const tree: z.ZodType<Tree> = z.lazy(() => z.object({ children: z.array(tree) }));
    const operation = (body: z.ZodType) =>
      defineOperation({
        operationId: 'plantTree',
        method: 'put',
        path: '/trees',
        summary: 'A tree',
        tag: 'test',
        access: 'user',
        body: z.object({ tree: body }),
        handle: () => undefined,
      });
    const info = { version: 'test', serverUrl: 'http://virage.test' };
    expect(() => openApiDocument([operation(tree)], info)).toThrow(/recursive schema needs a name/);
    const named: z.ZodType<Tree> = z.lazy(() => z.object({ children: z.array(named) })).meta({ id: 'Tree' });
    const document = openApiDocument([operation(named)], info);
    expect(document.components.schemas.Tree).toBeDefined();
  });
});

describe('The API tests check every answer against the declared schema', () => {
  const thing = z.object({ id: z.uuid(), name: z.string() });
  const operations: ApiOperation[] = [
    defineOperation({
      operationId: 'getThing',
      method: 'get',
      path: '/things/{id}',
      summary: 'A thing',
      tag: 'test',
      access: 'user',
      response: thing,
      handle: () => undefined,
    }),
    defineOperation({
      operationId: 'listThings',
      method: 'get',
      path: '/things',
      summary: 'Things, undeclared',
      tag: 'test',
      access: 'user',
      handle: () => undefined,
    }),
  ];
  const id = '0190c9a4-4c35-7a4e-9a1e-2b3c4d5e6f70';
  const json = (body: unknown, status = 200, type = 'application/json') =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
  const problem = {
    type: 'urn:virage:problem:not_found',
    title: 'Not found',
    status: 404,
    detail: 'Nothing here',
    code: 'not_found',
    errors: [],
    requestId: 'r1',
  };
  const check = (path: string, response: Response) =>
    expectDeclaredAnswer(operations, 'GET', `/api/v1${path}`, response);

  it('accepts an answer as declared, and a problem for an error', async () => {
    await expect(check(`/things/${id}`, json({ id, name: 'A' }))).resolves.toBeUndefined();
    await expect(
      check(`/things/${id}`, json(problem, 404, 'application/problem+json')),
    ).resolves.toBeUndefined();
  });

  it('fails on a field of the wrong type, a missing field or an undeclared field', async () => {
    await expect(check(`/things/${id}`, json({ id, name: 3 }))).rejects.toThrow(/declared schema/);
    await expect(check(`/things/${id}`, json({ id }))).rejects.toThrow(/declared schema/);
    await expect(check(`/things/${id}`, json({ id, name: 'A', secret: 'x' }))).rejects.toThrow(
      /does not declare: secret/,
    );
  });

  it('fails on a status the operation does not declare, or an error that is not a problem document', async () => {
    await expect(check(`/things/${id}`, json({ id, name: 'A' }, 201))).rejects.toThrow(/no answer/);
    await expect(check(`/things/${id}`, json({ message: 'no' }, 404))).rejects.toThrow(/problem\+json/);
  });

  it('fails on JSON from an operation that declares no content', async () => {
    await expect(check('/things', json({ items: [] }))).rejects.toThrow(/declares no content/);
  });
});
