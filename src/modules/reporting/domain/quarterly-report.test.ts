import { describe, expect, it } from 'vitest';
import { canonicalJson } from './quarterly-report.ts';

describe('canonical JSON', () => {
  it('writes one text for one value, whatever the order its keys were built in', () => {
    const a = { b: [{ y: 1, x: 'é' }, null], a: { d: 0.5, c: true } };
    const b = { a: { c: true, d: 0.5 }, b: [{ x: 'é', y: 1 }, null] };
    expect(canonicalJson(a)).toBe('{"a":{"c":true,"d":0.5},"b":[{"x":"é","y":1},null]}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it('reads back to the same value, and leaves out undefined members as JSON does', () => {
    const value = { label: { fr: 'Montréal « x »', en: 'Montréal' }, cells: [1, 2.25, -3], gone: undefined };
    expect(JSON.parse(canonicalJson(value))).toEqual({ label: value.label, cells: value.cells });
  });
});
