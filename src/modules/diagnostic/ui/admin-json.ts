/**
 * The questionnaire document as the JSON editor shows it, and where its text stops being JSON: pure
 * functions, used by the server (the message) and by the page (the cursor put at the error).
 */
import type { QuestionnaireContent } from '../domain/questionnaire.ts';

const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * The offset of the first syntax error in a JSON text, or -1 when it is valid. JSON.parse does not
 * always say where it stopped (« Unexpected token » has no position), and its words are English only.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const string = () => {
    i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const escaped = text[i + 1];
        if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) i += 2;
        else if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else fail();
        continue;
      }
      if (c < ' ') fail();
      i++;
    }
    fail();
  };
  const value = (depth: number): void => {
    if (depth > 100) fail();
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '"') {
      string();
      return;
    }
    LITERAL.lastIndex = i;
    const literal = LITERAL.exec(text);
    if (!literal) fail();
    i += literal?.[0].length ?? 0;
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail();
    return -1;
  } catch (offset) {
    if (typeof offset === 'number') return offset;
    throw offset;
  }
}

/** Line and column (from 1) of an offset in a text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastBreak };
}

/** Keys in the order people read them: ids first, French before English; keys unknown here last. */
const ORDER = [
  'id',
  'min',
  'fr',
  'en',
  'label',
  'help',
  'description',
  'type',
  'weight',
  'optional',
  'condition',
  'questionId',
  'choiceIds',
  'score',
  'choices',
  'questions',
  'dimensions',
  'levels',
];

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (value === null || typeof value !== 'object') return value;
  const rank = (key: string) => (ORDER.includes(key) ? ORDER.indexOf(key) : ORDER.length);
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([key, v]) => [key, ordered(v)]),
  );
}

/**
 * The document as JSON text, indented, keys in a stable reading order (the database keeps JSON keys
 * in its own order: English before French, `id` after `choices`).
 */
export function questionnaireJson(content: QuestionnaireContent): string {
  return JSON.stringify(ordered(content), null, 2);
}
