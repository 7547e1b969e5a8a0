import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../platform/errors.ts';
import {
  moneyInput,
  parseDecimal,
  parseMoney,
  parseWhole,
  sessionStartFrom,
  unbroken,
  versionOf,
} from './values.ts';

const fieldsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return error.fields.map((f) => `${f.path}: ${f.key}`);
    throw error;
  }
  return [];
};

describe('amounts typed the Québec way', () => {
  it.each([
    ['5 000', 500_000],
    ['5000', 500_000],
    ['5000,50', 500_050],
    ['5 000,5', 500_050],
    ['5\u00a0000 $', 500_000],
    ['5,000.50', 500_050],
    ['0', 0],
    ['1,5', 150],
  ])('reads %s as %i cents', (typed, cents) => expect(parseMoney(typed)).toBe(cents));

  it('reads nothing as no amount, and gives back anything else as typed for validation', () => {
    expect(parseMoney('')).toBeNull();
    expect(parseMoney('  ')).toBeNull();
    expect(parseMoney('cinq mille')).toBe('cinq mille');
    expect(parseMoney('5.000,50')).toBe('5.000,50');
    expect(parseMoney('-5')).toBe('-5');
  });

  it('writes cents back as one would type them, and reads them again to the same amount', () => {
    expect(moneyInput(500_000, 'fr')).toBe('5 000');
    expect(moneyInput(500_050, 'fr')).toBe('5 000,50');
    expect(moneyInput(500_050, 'en')).toBe('5,000.50');
    expect(moneyInput(null, 'fr')).toBe('');
    for (const cents of [0, 99, 100, 123_456, 99_999_999])
      for (const locale of ['fr', 'en'] as const) expect(parseMoney(moneyInput(cents, locale))).toBe(cents);
  });
});

describe('hours, percentages and jobs', () => {
  it('accept a comma or a point', () => {
    expect(parseDecimal('1,5')).toBe(1.5);
    expect(parseDecimal('1.5')).toBe(1.5);
    expect(parseDecimal(' 12,5 ')).toBe(12.5);
    expect(parseDecimal('-1')).toBe(-1);
    expect(parseDecimal('')).toBeUndefined();
    expect(parseDecimal('une heure')).toBe('une heure');
    expect(parseWhole('6')).toBe(6);
    expect(parseWhole('1,5')).toBe('1,5');
    expect(parseWhole('')).toBeUndefined();
  });
});

describe('the start of a session from a Montréal date and time', () => {
  it('carries Montréal’s offset of that date, winter or summer', () => {
    expect(sessionStartFrom({ date: '2027-01-20', time: '10:00' })).toBe('2027-01-20T10:00:00-05:00');
    expect(sessionStartFrom({ date: '2027-06-02', time: '13:30' })).toBe('2027-06-02T13:30:00-04:00');
    expect(sessionStartFrom({ date: '2027-06-02', time: '13 h 30' })).toBe('2027-06-02T13:30:00-04:00');
    expect(sessionStartFrom({ date: '2027-06-02', time: '9h' })).toBe('2027-06-02T09:00:00-04:00');
  });

  it('refuses the hour the clock skips in spring, on the time field', () => {
    expect(fieldsOf(() => sessionStartFrom({ date: '2027-03-14', time: '02:30' }))).toEqual([
      'time: coaching:validation.nonexistent_local_time',
    ]);
    // The hour repeated in autumn exists (its first occurrence).
    expect(sessionStartFrom({ date: '2027-11-07', time: '01:30' })).toBe('2027-11-07T01:30:00-04:00');
  });

  it('names the field missing or unreadable, on the form’s own field names', () => {
    expect(fieldsOf(() => sessionStartFrom({ date: '', time: '' }))).toEqual([
      'date: coaching:ui.validation.date',
      'time: coaching:ui.validation.time',
    ]);
    expect(fieldsOf(() => sessionStartFrom({ date: '2027-02-30x', time: '25:00' }))).toHaveLength(2);
    expect(fieldsOf(() => sessionStartFrom({ d: '2027-01-20', t: '' }, { date: 'd', time: 't' }))).toEqual([
      't: coaching:ui.validation.time',
    ]);
  });
});

describe('display helpers', () => {
  it('keep a time on one line', () => {
    expect(unbroken('2027-01-20 14 h 30')).toBe('2027-01-20 14\u00a0h\u00a030');
    expect(unbroken('2027-01-20 2:30 p.m.')).toBe('2027-01-20 2:30\u00a0p.m.');
  });

  it('fingerprint a form’s data: the same for the same data, another when it changes', () => {
    expect(versionOf({ a: 1, b: ['x'] })).toBe(versionOf({ a: 1, b: ['x'] }));
    expect(versionOf({ a: 1, b: ['x'] })).not.toBe(versionOf({ a: 1, b: ['y'] }));
  });
});
