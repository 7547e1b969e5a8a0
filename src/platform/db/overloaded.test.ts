import { describe, expect, it } from 'vitest';
import { overloaded } from './client.ts';

describe('database overload', () => {
  it('is recognised through the query wrapper, as pg-pool and drizzle report it', () => {
    // The shape seen in the review-queue benchmark: drizzle's error wrapping pg-pool's.
    const fromPool = new Error('timeout exceeded when trying to connect');
    const wrapped = new Error('Failed query: select count(*) from "applications"', { cause: fromPool });
    expect(overloaded(wrapped)).toBe(true);
  });
  it('is not any other failure', () => {
    expect(overloaded(new Error('relation "x" does not exist'))).toBe(false);
    expect(overloaded('timeout exceeded when trying to connect')).toBe(false);
  });
});
