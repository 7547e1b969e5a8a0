/** The few kinds of failure a use case can report; each maps once to an HTTP status and a message. */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthenticated: 401,
  /** The credential is an account's that was deactivated (told only to whoever holds it). */
  account_deactivated: 401,
  forbidden: 403,
  second_factor_required: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  invalid_input: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type AppErrorCode = keyof typeof ERROR_STATUS;

/**
 * A problem with one field of the input: `path` as in the request body (e.g. `business.neq`). `ns`, the
 * i18n namespace of the module that checked it, whose `fields.*` names the field first: two modules
 * may give the same field name different labels (a workshop's `capacity` is not an expert's).
 */
export type FieldIssue = { path: string; key: string; params?: Record<string, unknown>; ns?: string };

export type AppErrorOptions = {
  /** i18n key of the human message; defaults to `common:errors.<code>`. */
  key?: string;
  params?: Record<string, unknown>;
  fields?: FieldIssue[];
  /** Seconds before retrying (rate_limited). */
  retryAfter?: number;
  /** Machine-readable extras for API clients (never personal data of others). */
  extra?: Record<string, unknown>;
  cause?: unknown;
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly key: string;
  readonly params: Record<string, unknown>;
  readonly fields: FieldIssue[];
  readonly retryAfter: number | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(code: AppErrorCode, options: AppErrorOptions = {}) {
    super(options.key ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.key = options.key ?? `common:errors.${code}`;
    this.params = options.params ?? {};
    this.fields = options.fields ?? [];
    this.retryAfter = options.retryAfter;
    this.extra = options.extra;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof Error && error.name === 'AppError' && 'code' in error;
}

/** One field-named invalid_input error, for checks made after schema validation (e.g. uniqueness). */
export function fieldError(path: string, key: string, params?: Record<string, unknown>): AppError {
  return new AppError('invalid_input', { fields: [{ path, key, params }] });
}

/** The constraint a PostgreSQL unique violation (23505) hit, looking through driver wrappers; else undefined. */
export function uniqueViolation(error: unknown): string | undefined {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const pgError = e as { code?: string; constraint?: string };
    if (pgError.code === '23505') return pgError.constraint ?? 'unknown';
  }
  return undefined;
}
