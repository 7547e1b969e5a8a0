import { z } from 'zod';
import type { Ctx } from '../context.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type ApiRequest = {
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
};

/** What a handler may answer besides plain JSON: another status, or a file. */
export type ApiReply =
  | { status: number; json: unknown; headers?: Record<string, string> }
  | { status?: number; file: Uint8Array | string; contentType: string; filename?: string };

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
  response?: z.ZodType;
  successStatus?: number;
  handle: (ctx: Ctx, request: ApiRequest) => Promise<unknown | ApiReply> | unknown;
};

export const defineOperation = (operation: ApiOperation): ApiOperation => operation;

export function isReply(value: unknown): value is ApiReply {
  return (
    typeof value === 'object' && value !== null && ('json' in value || 'file' in value) && 'status' in value
  );
}

export const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** Shapes shared by operations' documentation. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
  requestId: z.string(),
});

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
}

/** OpenAPI 3.1 document generated from the operations' zod schemas. */
export function openApiDocument(operations: ApiOperation[], info: { version: string; serverUrl: string }) {
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
          (jsonSchema(op.query, 'input') as { properties?: Record<string, unknown>; required?: string[] })
            .properties ?? {},
        ).map(([name, schema]) => ({
          name,
          in: 'query',
          required: false,
          schema,
        }))
      : [];
    const problem = (description: string) => ({
      description,
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    });
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
              content: { 'application/json': { schema: jsonSchema(op.body, 'input') } },
            },
          }
        : {}),
      responses: {
        [String(op.successStatus ?? 200)]: {
          description: 'OK',
          ...(op.response
            ? { content: { 'application/json': { schema: jsonSchema(op.response, 'output') } } }
            : {}),
        },
        ...(op.access === 'user' ? { '401': problem('No valid credentials') } : {}),
        '403': problem('Not allowed for this account'),
        '422': problem('Invalid input; `errors` names each field'),
      },
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
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
    },
  };
}
