import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './errors.ts';
import { assertStorableText, parseInput } from './validation.ts';

const schema = z.strictObject({
  email: z.email(),
  name: z.string().min(1).max(5),
  age: z.number().int().min(0),
  nested: z.strictObject({ code: z.string().regex(/^\d+$/, { error: 'test:validation.digits' }) }),
  tags: z.array(z.string()).max(2),
});

function issues(input: unknown) {
  try {
    parseInput(schema, input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).fields;
  }
  throw new Error('expected invalid input');
}

describe('input validation', () => {
  it('names each field with a message key and its parameters, one message per field', () => {
    const fields = issues({
      email: 'x',
      name: 'too long',
      age: 'old',
      nested: { code: 'ab' },
      tags: ['a', 'b', 'c'],
      extra: 1,
    });
    expect(fields).toEqual(
      expect.arrayContaining([
        { path: 'email', key: 'common:validation.email' },
        { path: 'name', key: 'common:validation.too_long', params: { max: 5 } },
        { path: 'age', key: 'common:validation.number' },
        { path: 'nested.code', key: 'test:validation.digits' },
        { path: 'tags', key: 'common:validation.too_many', params: { max: 2 } },
        { path: 'extra', key: 'common:validation.unknown_field' },
      ]),
    );
  });

  it('says "required" for a missing field', () => {
    expect(issues({})).toContainEqual({ path: 'email', key: 'common:validation.required' });
  });

  it('returns the parsed data when valid', () => {
    const data = { email: 'a@b.ca', name: 'Zoé', age: 3, nested: { code: '12' }, tags: [] };
    expect(parseInput(schema, data)).toEqual(data);
  });
});

describe('text the database cannot store', () => {
  const refused = (...inputs: unknown[]) => {
    try {
      assertStorableText(...inputs);
      return [];
    } catch (error) {
      return (error as AppError).fields.map((f) => f.path);
    }
  };

  it('names every field holding a NUL or half a surrogate pair, keys included', () => {
    expect(
      refused(
        { id: 'a\u0000b' },
        { q: 'ok' },
        { actions: [{ owner: 'x' }, { owner: '\uD800' }], answers: { 'q\u0000': 'c' }, n: 3 },
      ),
    ).toEqual(['id', 'actions.1.owner', 'answers.q\u0000']);
  });

  it('lets any other text through, emoji (whole surrogate pairs) and line breaks included', () => {
    expect(refused({ notes: 'Café 😀\nligne\t2', tags: ['é'], empty: null })).toEqual([]);
  });
});
