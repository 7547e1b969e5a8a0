import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatLongDate,
  formatMoney,
  formatNumber,
  montrealInstant,
  montrealWallClock,
  startOfMontrealDay,
} from './format.ts';
import { localeFromAcceptLanguage } from './locale.ts';

describe('language from Accept-Language', () => {
  it.each([
    ['fr-CA,fr;q=0.9,en;q=0.8', 'fr'],
    ['en-CA,en;q=0.9,fr;q=0.5', 'en'],
    ['de-DE,en;q=0.5', 'en'],
    ['fr;q=0.2,en;q=0.8', 'en'],
    ['es,de', undefined],
    ['en;q=0', undefined],
    ['', undefined],
    ['garbage;;;q=x', undefined],
  ])('%s → %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});

describe('fr-CA formats', () => {
  const nbsp = '\u00a0';
  const narrow = '\u202f';
  it('writes money the Québec way', () => {
    expect(formatMoney(123456, 'fr')).toBe(`1${nbsp}234,56${nbsp}$`);
    expect(formatMoney(123456, 'en')).toBe('$1,234.56');
  });
  it('writes a whole amount in whole dollars, unless told to show cents', () => {
    expect(formatMoney(20000, 'fr')).toBe(`200${nbsp}$`);
    expect(formatMoney(0, 'en')).toBe('$0');
    expect(formatMoney(20000, 'en', true)).toBe('$200.00');
  });
  it('writes numbers with a space for thousands in French', () => {
    expect(formatNumber(3000, 'fr').replace(narrow, nbsp)).toBe(`3${nbsp}000`);
  });
  it('writes dates as 2027-03-31 in Montréal time, also around midnight UTC', () => {
    expect(formatDate(new Date('2027-04-01T03:30:00Z'))).toBe('2027-03-31');
    expect(formatLongDate(new Date('2027-03-31T16:00:00Z'), 'fr')).toBe('31 mars 2027');
    expect(formatDateTime(new Date('2027-03-31T12:00:00Z'), 'fr')).toBe('2027-03-31 08 h 00');
  });
});

describe('Montréal days', () => {
  it('start at local midnight, in winter and in summer', () => {
    expect(startOfMontrealDay('2027-01-15').toISOString()).toBe('2027-01-15T05:00:00.000Z');
    expect(startOfMontrealDay('2027-07-01').toISOString()).toBe('2027-07-01T04:00:00.000Z');
    expect(startOfMontrealDay('2027-03-13', 1).toISOString()).toBe('2027-03-14T05:00:00.000Z');
    expect(startOfMontrealDay('2027-11-07').toISOString()).toBe('2027-11-07T04:00:00.000Z');
    expect(startOfMontrealDay('2027-11-08').toISOString()).toBe('2027-11-08T05:00:00.000Z');
  });
});

describe('Montréal wall clock', () => {
  it('reads the local date, time and offset of an instant', () => {
    expect(montrealWallClock(new Date('2027-03-15T14:00:00Z'))).toEqual({
      date: '2027-03-15',
      time: '10:00:00',
      offset: '-04:00',
    });
    expect(montrealWallClock(new Date('2027-01-15T05:00:00Z'))).toEqual({
      date: '2027-01-15',
      time: '00:00:00',
      offset: '-05:00',
    });
  });
  it('turns a local time back into the instant, in both seasons', () => {
    expect(montrealInstant('2027-03-15', '10:00')?.toISOString()).toBe('2027-03-15T14:00:00.000Z');
    expect(montrealInstant('2027-01-15', '10:00:30')?.toISOString()).toBe('2027-01-15T15:00:30.000Z');
  });
  it('has no 02:30 on the spring-forward night (2027-03-14)', () => {
    expect(montrealInstant('2027-03-14', '02:30')).toBeNull();
    expect(montrealInstant('2027-03-14', '01:59')?.toISOString()).toBe('2027-03-14T06:59:00.000Z');
    expect(montrealInstant('2027-03-14', '03:00')?.toISOString()).toBe('2027-03-14T07:00:00.000Z');
  });
  it('takes the first of the two 01:30 on the fall-back night (2027-11-07)', () => {
    expect(montrealInstant('2027-11-07', '01:30')?.toISOString()).toBe('2027-11-07T05:30:00.000Z');
  });
  it('round-trips every quarter hour of the two months that change time', () => {
    const quarterHours = (from: number, to: number) =>
      Array.from({ length: (to - from) / 900_000 }, (_, i) => from + i * 900_000);
    for (const t of [
      ...quarterHours(Date.UTC(2027, 2, 1), Date.UTC(2027, 3, 1)),
      ...quarterHours(Date.UTC(2027, 10, 1), Date.UTC(2027, 11, 1)),
    ]) {
      const clock = montrealWallClock(new Date(t));
      const back = montrealInstant(clock.date, clock.time)!;
      // In the repeated autumn hour the first occurrence comes back; the wall clock is the same.
      expect(montrealWallClock(back).time).toBe(clock.time);
      expect(t - back.getTime()).toBeGreaterThanOrEqual(0);
      expect(t - back.getTime()).toBeLessThanOrEqual(3_600_000);
    }
  });
});
