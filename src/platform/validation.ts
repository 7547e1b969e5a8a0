import type { z } from 'zod';
import { AppError, type FieldIssue } from './errors.ts';

/** Turns a zod issue into a field issue whose message key the presenters localise. */
function toFieldIssue(issue: z.core.$ZodIssue): FieldIssue {
  const path = issue.path.map(String).join('.');
  // Schemas name their own message keys ("ns:key"); generic checks fall back to common:validation.*.
  if (issue.message.includes(':') && !issue.message.includes(' ')) return { path, key: issue.message };
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? { path, key: 'common:validation.required' }
        : issue.expected === 'number' || issue.expected === 'int'
          ? { path, key: 'common:validation.number' }
          : { path, key: 'common:validation.wrong_type', params: { expected: issue.expected } };
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? { path, key: 'common:validation.required' }
          : { path, key: 'common:validation.too_short', params: { min: Number(issue.minimum) } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { path, key: 'common:validation.too_few', params: { min: Number(issue.minimum) } };
      // The bound of a number field is shown as the person types it: it may be a year (2100, not 2 100).
      return { path, key: 'common:validation.too_small', params: { min: String(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string')
        return { path, key: 'common:validation.too_long', params: { max: Number(issue.maximum) } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { path, key: 'common:validation.too_many', params: { max: Number(issue.maximum) } };
      return { path, key: 'common:validation.too_big', params: { max: String(issue.maximum) } };
    case 'invalid_format':
      return { path, key: issue.format === 'email' ? 'common:validation.email' : 'common:validation.format' };
    case 'invalid_value':
      return { path, key: 'common:validation.choice' };
    case 'unrecognized_keys':
      return {
        path: [...issue.path.map(String), issue.keys[0]].filter(Boolean).join('.'),
        key: 'common:validation.unknown_field',
      };
    default:
      return { path, key: 'common:validation.invalid' };
  }
}

/**
 * Validates input against a schema; on failure throws invalid_input naming every bad field, by the
 * labels of `ns` (the calling module's namespace) first.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, ns?: string): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const seen = new Set<string>();
  const fields = result.error.issues
    .map((issue) => ({ ...toFieldIssue(issue), ns }))
    .filter((f) => {
      if (seen.has(f.path)) return false; // one message per field is enough to act on
      seen.add(f.path);
      return true;
    });
  throw new AppError('invalid_input', { fields });
}

/** A NUL character, or half of a UTF-16 surrogate pair: text PostgreSQL refuses to store. */
const UNSTORABLE = /[\0\p{Cs}]/u;

/** The path of every string (or object key) in `value` that holds text PostgreSQL cannot store. */
function unstorablePaths(value: unknown, path: string[], found: string[]): void {
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value)) found.push(path.join('.'));
  } else if (typeof value === 'object' && value !== null) {
    // Arrays too: their keys are the indexes, as in field paths (`actions.0.owner`).
    for (const [key, item] of Object.entries(value)) {
      if (UNSTORABLE.test(key)) found.push([...path, key].join('.'));
      else unstorablePaths(item, [...path, key], found);
    }
  }
}

/**
 * Refuses, naming each field, any input whose text the database cannot store. Checked once where
 * requests are read (API operations, page forms and queries) so that no use case can forget it and
 * meet the database's error as a 500.
 */
export function assertStorableText(...inputs: unknown[]): void {
  const found: string[] = [];
  for (const input of inputs) unstorablePaths(input, [], found);
  if (found.length === 0) return;
  throw new AppError('invalid_input', {
    fields: [...new Set(found)].map((path) => ({ path, key: 'common:validation.unstorable_character' })),
  });
}
