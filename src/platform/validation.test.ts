import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './errors.ts';
import { parseInput } from './validation.ts';

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
