import { data, type RouterContextProvider, redirect } from 'react-router';
import { refusalFor } from '../authorization.ts';
import type { Ctx } from '../context.ts';
import { AppError, isAppError } from '../errors.ts';
import { MAX_FILE_BYTES } from '../files/sniff.ts';
import { fileTooLarge } from '../files/store.ts';
import { MULTIPART_ALLOWANCE } from '../http/api.ts';
import { type LocalisedError, localiseError } from '../http/problem.ts';
import { type RequestScope, requestScope } from '../http/request-scope.ts';
import { assertStorableText } from '../validation.ts';

type Args = {
  request: Request;
  params: Record<string, string | undefined>;
  context: Readonly<RouterContextProvider>;
};
export type PageArgs = {
  ctx: Ctx;
  scope: RequestScope;
  request: Request;
  params: Record<string, string | undefined>;
};

/** Where to send someone who is not (fully) signed in for this page. */
function redirectFor(error: unknown, ctx: Ctx, request: Request): Response | undefined {
  if (!isAppError(error)) return undefined;
  const refusal = refusalFor(ctx.actor, error);
  const url = new URL(request.url);
  // Data requests of client-side navigations end in .data: come back to the page itself.
  const next = encodeURIComponent(url.pathname.replace(/\.data$/, '') + url.search);
  // Only the generic "sign-in required": a wrong password, for instance, is the form's own message.
  if (
    error.code === 'unauthenticated' &&
    error.key === 'common:errors.unauthenticated' &&
    ctx.actor.kind === 'anonymous'
  ) {
    return redirect(`/sign-in?next=${next}`);
  }
  if (isAppError(refusal) && refusal.code === 'second_factor_required' && ctx.actor.kind === 'user') {
    return redirect(`/sign-in/verify?next=${next}`);
  }
  return undefined;
}

/** A page loader: use-case errors become a redirect to sign in, or an error page in the reader's language. */
export function pageLoader<T>(load: (args: PageArgs) => Promise<T> | T) {
  return async ({ request, params, context }: Args): Promise<T> => {
    const scope = context.get(requestScope);
    try {
      assertStorableText(params, everyValue(new URL(request.url).searchParams));
      return await load({ ctx: scope.ctx, scope, request, params });
    } catch (error) {
      throw redirectFor(error, scope.ctx, request) ?? errorResponse(error, scope.ctx);
    }
  };
}

/**
 * A failed form, sent back to its page: `values` holds each name's last value (text fields, selects),
 * `allValues` every value of each name, for fields that send several (a group of checkboxes); a name
 * that sent nothing (no box ticked) is in neither.
 */
export type FormFailure = {
  error: LocalisedError;
  values: Record<string, string>;
  allValues: Record<string, string[]>;
};

/**
 * A form action: use-case errors come back as data for the form (field messages, entered values kept,
 * secrets dropped) with the matching status; a missing sign-in redirects.
 */
export function formAction<T>(
  act: (
    args: PageArgs & {
      form: Record<string, string>;
      all: (name: string) => string[];
      file: (name: string) => File | undefined;
    },
  ) => Promise<T> | T,
) {
  return async ({ request, params, context }: Args) => {
    const scope = context.get(requestScope);
    let sent: Submitted = NOTHING_SENT; // until the body is read, which may be refused (too large)
    try {
      sent = await submitted(request);
      const { form, all, allValues, file } = sent;
      assertStorableText(
        params,
        everyValue(Object.entries(allValues).flatMap(([k, vs]) => vs.map((v) => [k, v]))),
      );
      return await act({ ctx: scope.ctx, scope, request, params, form, all, file });
    } catch (error) {
      const goTo = redirectFor(error, scope.ctx, request);
      if (goTo) throw goTo;
      if (!isAppError(error)) throw error;
      const localised = localiseError(error, scope.ctx.services.i18n, scope.ctx.locale);
      const failure: FormFailure = {
        error: localised,
        values: withoutSecrets(sent.form),
        allValues: withoutSecrets(sent.allValues),
      };
      return data(failure, { status: localised.status });
    }
  };
}

export function errorResponse(error: unknown, ctx: Ctx) {
  if (!isAppError(error)) return error;
  const localised = localiseError(error, ctx.services.i18n, ctx.locale);
  return data(localised, { status: localised.status });
}

type Submitted = {
  form: Record<string, string>;
  all: (name: string) => string[];
  allValues: Record<string, string[]>;
  file: (name: string) => File | undefined;
};
const NOTHING_SENT: Submitted = { form: {}, allValues: {}, all: () => [], file: () => undefined };

/** A submitted form: each name's last value, every value of a name (checkbox groups), and uploaded files. */
async function submitted(request: Request): Promise<Submitted> {
  const type = request.headers.get('content-type') ?? '';
  const data = type.includes('multipart/form-data')
    ? await multipartForm(request)
    : type.includes('form')
      ? await request.formData()
      : new FormData();
  const form: Record<string, string> = {};
  const allValues: Record<string, string[]> = {};
  for (const [key, value] of data) {
    if (key === '_csrf' || typeof value !== 'string') continue;
    form[key] = value;
    allValues[key] = [...(allValues[key] ?? []), value];
  }
  return {
    form,
    allValues,
    all: (name) => allValues[name] ?? [],
    file: (name) => {
      const value = data.get(name);
      return value instanceof File && value.size > 0 ? value : undefined;
    },
  };
}

/**
 * A form with files, the size of one file at most: refused from its announced length, else as soon as
 * the body passes it (the rest is left unread, as the API's limit does).
 */
async function multipartForm(request: Request): Promise<FormData> {
  const maxBytes = MAX_FILE_BYTES + MULTIPART_ALLOWANCE;
  const tooLarge = () => fileTooLarge('file', MAX_FILE_BYTES);
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = request.body?.getReader();
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    received += next.value.byteLength;
    if (received > maxBytes) {
      reader!.releaseLock();
      throw tooLarge();
    }
    chunks.push(next.value);
  }
  const body = new Blob(chunks as Uint8Array<ArrayBuffer>[]);
  try {
    return await new Response(body, {
      headers: { 'content-type': request.headers.get('content-type')! },
    }).formData();
  } catch (error) {
    throw new AppError('bad_request', { cause: error });
  }
}

/** Every value sent under each name, as one text: a name sent several times is checked under that name. */
function everyValue(pairs: Iterable<[string, string]>): Record<string, string> {
  const joined: Record<string, string> = {};
  for (const [name, value] of pairs) joined[name] = name in joined ? `${joined[name]}\n${value}` : value;
  return joined;
}

/** Passwords and the one-time code of the second factor; a postal or referral code is kept, not a secret. */
const SECRET_FIELD = /password|^code$|token$/i;

const withoutSecrets = <T>(form: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(form).filter(([key]) => !SECRET_FIELD.test(key)));

/** A local path to go back to after signing in; anything else (another site) falls back to home. */
export function safeNext(value: string | null | undefined): string {
  return value?.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

/** Runs a use case whose input fields have other names in this form, so messages point at the right input. */
export async function withFieldNames<T>(names: Record<string, string>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isAppError(error) || error.fields.length === 0) throw error;
    throw new AppError(error.code, {
      key: error.key,
      params: error.params,
      fields: error.fields.map((f) => ({ ...f, path: names[f.path] ?? f.path })),
    });
  }
}
