import { z } from 'zod';
import type { Ctx } from '../context.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type ApiRequest = {
  params: Record<string, string>;
  query: Record<string, string>;
  /** JSON operations: the parsed body; upload operations: the form's text fields. */
  body: unknown;
  /** Upload operations: the file sent in the declared field, if any. */
  file?: File;
};

/** Room for an upload's text fields and multipart boundaries on top of its file's limit. */
export const MULTIPART_ALLOWANCE = 64 * 1024;

/** What a handler may answer besides plain JSON: another status, or a file. */
export type ApiReply =
  | { status: number; json: unknown; headers?: Record<string, string> }
  | {
      status?: number;
      /** A stream for large files (research extracts), sent as it is read. */
      file: Uint8Array | string | ReadableStream<Uint8Array>;
      contentType: string;
      filename?: string;
    };

/**
 * One operation of the public API. The route, the OpenAPI document and the authorization-matrix test
 * are all derived from this list: an operation cannot exist without being documented and tested.
 */
export type ApiOperation = {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI form: `/users/{id}`. */
  path: string;
  summary: string;
  tag: string;
  /** `public`: anonymous callers allowed; `user`: 401 without credentials. */
  access: 'public' | 'user';
  query?: z.ZodType;
  body?: z.ZodType;
  /**
   * A `multipart/form-data` body instead of JSON: one file in the field named by `file` (refused
   * past `maxBytes` without reading further) and text fields documented by `fields`.
   */
  upload?: { file: string; maxBytes: number; fields: z.ZodObject };
  response?: z.ZodType;
  successStatus?: number;
  /** The media type of a file answer (a PDF, a calendar), or those it may be (a stored file); JSON otherwise. */
  produces?: string | readonly string[];
  /** A `Response` is sent as it is (a stored file's download with its own headers). */
  handle: (ctx: Ctx, request: ApiRequest) => Promise<unknown | ApiReply | Response> | unknown;
};

export const defineOperation = (operation: ApiOperation): ApiOperation => operation;

export function isReply(value: unknown): value is ApiReply {
  return (
    typeof value === 'object' && value !== null && ('json' in value || 'file' in value) && 'status' in value
  );
}

/** A parameter with a suffix, as in a file's address (`/reports/{id}.pdf`). */
const SUFFIXED_PARAM = /\{(\w+)\}(\.\w+)/g;

/**
 * Hono's form of a path. Hono has no literal after a parameter, so `{id}.pdf` becomes a parameter that
 * must end in `.pdf`, which `pathParams` then takes off; such a route must be listed before `{id}` alone.
 */
export const honoPath = (path: string) =>
  path
    .replace(SUFFIXED_PARAM, (_, name: string, suffix: string) => `:${name}{[^/]+\\${suffix}}`)
    .replace(/\{(\w+)\}/g, ':$1');

/** The path's parameters as the operation names them: without the suffix `honoPath` matched. */
export function pathParams(path: string, matched: Record<string, string>): Record<string, string> {
  const params = { ...matched };
  for (const [, name, suffix] of path.matchAll(SUFFIXED_PARAM)) {
    const value = params[name!];
    if (value?.endsWith(suffix!)) params[name!] = value.slice(0, -suffix!.length);
  }
  return params;
}

/** Shapes shared by operations' documentation. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** RFC 9457 problem document; some errors add extension members (the missing answers of a diagnostic…). */
export const problemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })),
    requestId: z.string(),
  })
  .meta({ id: 'Problem' });

export type DeclaredResponse = {
  description: string;
  /** JSON answers only. */
  schema?: z.ZodType;
  /** Absent: no body; several: the answer is one of them. */
  contentType?: string | readonly string[];
};

/**
 * The answers an operation declares, by status (`default`: any other error). The OpenAPI document
 * publishes them and the API tests parse every answer with them, so the two cannot drift apart.
 */
export function declaredResponses(op: ApiOperation): Record<string, DeclaredResponse> {
  const problem = (description: string): DeclaredResponse => ({
    description,
    schema: problemSchema,
    contentType: 'application/problem+json',
  });
  return {
    [String(op.successStatus ?? 200)]: op.response
      ? { description: 'OK', schema: op.response, contentType: 'application/json' }
      : op.produces
        ? { description: 'The file', contentType: op.produces }
        : { description: 'No content' },
    ...(op.access === 'user' ? { '401': problem('No valid credentials') } : {}),
    '403': problem('Not allowed for this account'),
    '422': problem('Invalid input; `errors` names each field'),
    default: problem(
      'Any other error: malformed JSON (400), not found (404), conflict with the current state (409), too large (413), throttled (429)',
    ),
  };
}

type JsonSchema = Record<string, unknown>;

/**
 * JSON Schema of a zod schema for the OpenAPI document. Schemas named with `.meta({ id })` and recursive
 * ones go to `components/schemas` and are referenced from there: a `$ref` to `#/$defs/…` inside an
 * operation cannot be resolved by integrators' tools, since `#` is the whole document.
 */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output', components: Record<string, JsonSchema>) {
  const {
    $schema: _,
    $defs,
    ...root
  } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  const toComponents = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(toComponents);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        key === '$ref' && typeof inner === 'string'
          ? inner.replace(/^#\/\$defs\//, '#/components/schemas/')
          : toComponents(inner),
      ]),
    );
  };
  for (const [name, definition] of Object.entries($defs ?? {})) {
    if (name.startsWith('__schema')) {
      throw new Error(`A recursive schema needs a name in the OpenAPI document: give it .meta({ id })`);
    }
    const component = toComponents(definition) as JsonSchema;
    const existing = components[name];
    if (existing && JSON.stringify(existing) !== JSON.stringify(component)) {
      throw new Error(`Two different schemas are named ${name} in the OpenAPI document`);
    }
    components[name] = component;
  }
  return toComponents(root) as JsonSchema;
}

/** The multipart body of an upload: its text fields, and the file as binary. */
function uploadBody(upload: NonNullable<ApiOperation['upload']>, schemas: Record<string, JsonSchema>) {
  const fields = jsonSchema(upload.fields, 'input', schemas) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return {
    required: true,
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          properties: {
            ...fields.properties,
            [upload.file]: {
              type: 'string',
              format: 'binary',
              description: `At most ${upload.maxBytes} bytes; checked by content, not by name`,
            },
          },
          required: [...(fields.required ?? []), upload.file],
        },
      },
    },
  };
}

/** OpenAPI 3.1 document generated from the operations' zod schemas. */
export function openApiDocument(operations: ApiOperation[], info: { version: string; serverUrl: string }) {
  const schemas: Record<string, JsonSchema> = {};
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const queryParams = op.query
      ? Object.entries(
          (
            jsonSchema(op.query, 'input', schemas) as {
              properties?: Record<string, unknown>;
              required?: string[];
            }
          ).properties ?? {},
        ).map(([name, schema]) => ({
          name,
          in: 'query',
          required: false,
          schema,
        }))
      : [];
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      operationId: op.operationId,
      summary: op.summary,
      tags: [op.tag],
      security:
        op.access === 'public' ? [{}, { bearerAuth: [] }] : [{ bearerAuth: [] }, { sessionCookie: [] }],
      parameters: [
        ...pathParams,
        ...queryParams,
        {
          name: 'Accept-Language',
          in: 'header',
          required: false,
          schema: { type: 'string', enum: ['fr', 'en'] },
        },
      ],
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(op.body, 'input', schemas) } },
            },
          }
        : {}),
      ...(op.upload ? { requestBody: uploadBody(op.upload, schemas) } : {}),
      responses: Object.fromEntries(
        Object.entries(declaredResponses(op)).map(([status, { description, schema, contentType }]) => [
          status,
          {
            description,
            ...(contentType
              ? {
                  content: Object.fromEntries(
                    [contentType].flat().map((type) => [
                      type,
                      {
                        schema: schema
                          ? jsonSchema(schema, 'output', schemas)
                          : { type: 'string', format: 'binary' },
                      },
                    ]),
                  ),
                }
              : {}),
          },
        ]),
      ),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Virage API',
      version: info.version,
      description:
        'JSON API of Virage. Authenticate with a personal access token (`Authorization: Bearer vrg_…`). ' +
        'Messages follow `Accept-Language` (fr or en). Errors are RFC 9457 problem documents.',
    },
    servers: [{ url: `${info.serverUrl}/api/v1` }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'Personal access token' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'virage_session' },
      },
      schemas,
    },
  };
}
