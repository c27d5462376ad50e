import { describe, expect, it } from 'vitest';
import { parseChargerTime } from './charger-time';

const iso = (text: string) => parseChargerTime(text).toISOString();

describe('parseChargerTime', () => {
  it('reads a time without an offset as UTC', () => {
    expect(iso('2026-12-01T10:00:00')).toBe('2026-12-01T10:00:00.000Z');
    expect(iso('2026-07-01 10:00:00.5')).toBe('2026-07-01T10:00:00.500Z');
  });

  it('applies every offset form the schema validation admits', () => {
    expect(iso('2026-12-01T10:00:00Z')).toBe('2026-12-01T10:00:00.000Z');
    expect(iso('2026-12-01t10:00:00z')).toBe('2026-12-01T10:00:00.000Z');
    expect(iso('2026-12-01T12:00:00+02:00')).toBe('2026-12-01T10:00:00.000Z');
    expect(iso('2026-12-01T12:30:00+0230')).toBe('2026-12-01T10:00:00.000Z');
    expect(iso('2026-12-01T05:00:00-05')).toBe('2026-12-01T10:00:00.000Z');
    expect(iso('2026-12-01T00:30:00+01:00')).toBe('2026-11-30T23:30:00.000Z');
  });

  it('keeps milliseconds, drops finer digits, rolls a leap second over and reads two-digit years as they are', () => {
    expect(iso('2026-12-01T10:00:00.123456789Z')).toBe('2026-12-01T10:00:00.123Z');
    expect(iso('2026-12-31T23:59:60Z')).toBe('2027-01-01T00:00:00.000Z');
    expect(parseChargerTime('0099-01-01T00:00:00Z').getUTCFullYear()).toBe(99);
  });

  it('refuses what is not a date-time', () => {
    expect(() => parseChargerTime('yesterday')).toThrow(/RFC 3339/);
    expect(() => parseChargerTime('2026-12-01T10:00')).toThrow(/RFC 3339/);
  });

  it('refuses an instant outside the years 1 to 9999, which PostgreSQL cannot be sent', () => {
    expect(() => parseChargerTime('0000-12-31T23:59:59Z')).toThrow(/years 1 to 9999/);
    expect(() => parseChargerTime('0001-01-01T00:30:00+01:00')).toThrow(/years 1 to 9999/);
    expect(() => parseChargerTime('9999-12-31T23:30:00-01:00')).toThrow(/years 1 to 9999/);
    expect(iso('0001-01-01T00:00:00Z')).toBe('0001-01-01T00:00:00.000Z');
    expect(iso('9999-12-31T23:59:59.999Z')).toBe('9999-12-31T23:59:59.999Z');
  });
});
