/**
 * What the administrators' diagnostic pages need to turn a form into use-case input and the use case's
 * refusals into messages an administrator can act on: numbers and dollar amounts typed the Québec way,
 * the questionnaire document read from its JSON text (a syntax error located by line and column), the
 * friendly form's fields written into the document, and validation paths said in words.
 */
import { formatNumber } from '../../../kernel/format.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, type FieldIssue, isAppError } from '../../../platform/errors.ts';
import { formNumber } from '../../../platform/ui/form-numbers.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { selectProgram } from '../../programs/index.ts';
import type { QuestionnaireContent } from '../domain/questionnaire.ts';
import { jsonErrorOffset, lineAndColumn } from './admin-json.ts';

/**
 * The program an administrator's page is about (`?program=` its slug; the default program without
 * one), after the standard refusal of the other admin pages: sign in, give the second factor, or
 * "forbidden" for other roles.
 */
export async function programFor(
  ctx: Ctx,
  action: 'questionnaire.manage' | 'recommendation.manage',
  request: Request,
) {
  authorize(ctx.actor, action);
  return selectProgram(ctx, new URL(request.url).searchParams.get('program'));
}

// ─── Numbers ─────────────────────────────────────────────────────────────────────────────────────

/** A number as typed in either language (`2,5` or `2.5`, spaces between thousands). */
export const readNumber = (value: string | undefined) => formNumber(value, { decimals: true });

// Dollar amounts are read the same way on every page (the funding budget too).
export { dollarsForInput, readDollars } from '../../../platform/ui/form-numbers.ts';

// ─── JSON text ───────────────────────────────────────────────────────────────────────────────────

/** The document typed in the JSON editor; a syntax error is a field error located by line and column. */
export function parseJsonDocument(text: string | undefined): unknown {
  const source = text ?? '';
  if (source.trim() === '') throw fieldIssue('content', 'common:validation.required');
  try {
    return JSON.parse(source);
  } catch {
    const offset = Math.max(0, jsonErrorOffset(source));
    const { line, column } = lineAndColumn(source, offset);
    if (offset >= source.trimEnd().length)
      throw fieldIssue('content', 'diagnostic:admin.json.ends_early', { line: String(line) });
    throw fieldIssue('content', 'diagnostic:admin.json.syntax', {
      line: String(line),
      column: String(column),
      near: source[offset] ?? '',
    });
  }
}

const fieldIssue = (path: string, key: string, params?: Record<string, unknown>) =>
  new AppError('invalid_input', { fields: [{ path, key, params }] });

// ─── The friendly form ───────────────────────────────────────────────────────────────────────────

/** The fields of the document the friendly form edits, by input name (the document's own path). */
const EDITABLE = [
  /^content\.dimensions\.\d+\.(label|description)\.(fr|en)$/,
  /^content\.dimensions\.\d+\.weight$/,
  /^content\.dimensions\.\d+\.questions\.\d+\.(label|help)\.(fr|en)$/,
  /^content\.dimensions\.\d+\.questions\.\d+\.weight$/,
  /^content\.dimensions\.\d+\.questions\.\d+\.choices\.\d+\.label\.(fr|en)$/,
  /^content\.dimensions\.\d+\.questions\.\d+\.choices\.\d+\.score$/,
  /^content\.levels\.\d+\.(label|description)\.(fr|en)$/,
  /^content\.levels\.\d+\.min$/,
];

/**
 * The document with the friendly form's fields written in: labels, help and descriptions in both
 * languages, weights, scores and level thresholds, at places that exist in the document (ids,
 * structure and conditions stay as they are: the JSON editor changes those). A help text left empty in
 * both languages is removed, as is a question weight left empty (it counts 1).
 */
export function applyFormEdits(content: QuestionnaireContent, form: Record<string, string>): unknown {
  const document = structuredClone(content) as unknown as Record<string, unknown>;
  const at = (path: string[]) =>
    path.reduce<unknown>(
      (node, part) =>
        node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
      document,
    ) as Record<string, unknown> | undefined;
  const helpsTouched = new Set<Record<string, unknown>>();
  for (const [name, value] of Object.entries(form)) {
    if (!EDITABLE.some((pattern) => pattern.test(name))) continue;
    const path = name.split('.').slice(1);
    const leaf = path.at(-1)!;
    if (leaf === 'fr' || leaf === 'en') {
      // label.fr, help.en…: the dimension, question, choice or level that owns the text.
      const owner = at(path.slice(0, -2));
      const field = path.at(-2)!;
      if (!owner) continue; // no such dimension, question…
      if (!owner[field]) {
        if (field !== 'help') continue;
        owner.help = { fr: '', en: '' }; // a question without help gets one, kept if something is typed
      }
      (owner[field] as Record<string, unknown>)[leaf] = value;
      if (field === 'help') helpsTouched.add(owner);
    } else {
      const owner = at(path.slice(0, -1));
      if (!owner) continue;
      const number = readNumber(value);
      if (number === undefined && leaf === 'weight' && path.includes('questions')) delete owner.weight;
      else owner[leaf] = number; // empty: required; not a number: said so
    }
  }
  for (const question of helpsTouched) {
    const help = question.help as { fr: unknown; en: unknown };
    if (String(help.fr).trim() === '' && String(help.en).trim() === '') delete question.help;
  }
  return document;
}

// ─── Validation paths in words ───────────────────────────────────────────────────────────────────

type Named = { id?: unknown; label?: Record<string, unknown> };

const LEAVES = new Set([
  'label_fr',
  'label_en',
  'help_fr',
  'help_en',
  'description_fr',
  'description_en',
  'label',
  'help',
  'description',
  'weight',
  'score',
  'id',
  'type',
  'optional',
  'min',
  'choices',
  'questions',
  'dimensions',
  'levels',
  'condition',
  'questionId',
  'choiceIds',
]);

/**
 * A validation path of the questionnaire document in words, in the reader's language: where
 * (« Dimension 2 « Présence en ligne » › question 3 (presence_website) ») and which field
 * (« libellé en français »), found in the document that was sent.
 */
export function describePath(ctx: Ctx, path: string, document: unknown): { location: string; field: string } {
  const t = translator(ctx);
  const parts = path.split('.');
  if (parts[0] === 'content') parts.shift();
  const where: string[] = [];
  let node: unknown = document;
  let i = 0;
  for (; i < parts.length; i++) {
    const part = parts[i]!;
    const index = parts[i + 1];
    const kind = { dimensions: 'dimension', questions: 'question', choices: 'choice', levels: 'level' }[part];
    if (!kind || index === undefined || !/^\d+$/.test(index)) break;
    node = ((node as Record<string, unknown[]> | undefined)?.[part] ?? [])[Number(index)];
    const named = (node ?? {}) as Named;
    const n = Number(index) + 1;
    const name = kind === 'dimension' ? named.label?.[ctx.locale] : undefined;
    const id = typeof named.id === 'string' ? named.id : undefined;
    where.push(
      typeof name === 'string' && name.trim()
        ? t(`diagnostic:admin.path.${kind}_named`, { n, name })
        : id
          ? t(`diagnostic:admin.path.${kind}_id`, { n, id })
          : t(`diagnostic:admin.path.${kind}`, { n }),
    );
    i++;
  }
  let rest = parts.slice(i);
  if (rest[0] === 'condition' && rest.length > 1) {
    where.push(t('diagnostic:admin.path.condition'));
    rest = rest.slice(1).filter((p) => !/^\d+$/.test(p));
  }
  const leaf = rest.join('_');
  const field =
    rest.length === 0
      ? where.length > 0
        ? (where.pop() as string)
        : t('diagnostic:admin.path.leaf.document')
      : LEAVES.has(leaf)
        ? t(`diagnostic:admin.path.leaf.${leaf}`)
        : rest.join('.');
  const location = where.join(' › ');
  return { location: location.charAt(0).toUpperCase() + location.slice(1), field };
}

/** Messages in the reader's language (the one of the request, whatever the context was made for). */
export const translator = (ctx: Ctx) => ctx.services.i18n.getFixedT(ctx.locale);

/** Message parameters with numbers written the reader's way, as the shared error presentation does. */
const readable = (ctx: Ctx, params: Record<string, unknown> | undefined) =>
  Object.fromEntries(
    Object.entries(params ?? {}).map(([k, v]) => [
      k,
      typeof v === 'number' && k !== 'count' ? formatNumber(v, ctx.locale) : v,
    ]),
  );

/**
 * Runs a use case that validates the questionnaire document; its field errors come back saying where
 * in words (« Dimension 2 « … » › question 3 (…) : Le champ « libellé en français » est obligatoire. »),
 * each still under the document's path, so that the error summary links to the right input.
 */
export async function withPlainPaths<T>(ctx: Ctx, document: unknown, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isAppError(error) || error.fields.length === 0) throw error;
    const fields: FieldIssue[] = error.fields.map((f) => {
      if (!f.path.startsWith('content')) return f;
      const { location, field } = describePath(ctx, f.path, document);
      const message = translator(ctx)(f.key, { ...readable(ctx, f.params), field });
      return location
        ? { path: f.path, key: 'diagnostic:admin.errors.located', params: { location, message } }
        : { path: f.path, key: 'diagnostic:admin.errors.unlocated', params: { message } };
    });
    throw new AppError(error.code, { key: error.key, params: error.params, fields });
  }
}

/**
 * Runs a use case whose fields this form names otherwise, or shows in other units: each field error of
 * `paths` is said with the form's label (and, for amounts in cents, bounds in dollars).
 */
export async function withFormLabels<T>(
  ctx: Ctx,
  labels: Record<string, { label: string; bound?: (value: unknown) => string }>,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isAppError(error) || error.fields.length === 0) throw error;
    const fields: FieldIssue[] = error.fields.map((f) => {
      const relabel = labels[f.path];
      if (!relabel) return f;
      const params = Object.fromEntries(
        Object.entries(readable(ctx, f.params)).map(([k, v]) => [
          k,
          relabel.bound && (k === 'min' || k === 'max') ? relabel.bound(f.params?.[k]) : v,
        ]),
      );
      const message = translator(ctx)(f.key, { ...params, field: relabel.label });
      return { path: f.path, key: 'diagnostic:admin.errors.unlocated', params: { message } };
    });
    throw new AppError(error.code, { key: error.key, params: error.params, fields });
  }
}
