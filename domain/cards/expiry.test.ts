import { describe, expect, it } from 'vitest';
import { dayOf, endOfDay } from './expiry';

describe('card expiry day', () => {
  it('ends the chosen day at local midnight', () => {
    expect(endOfDay('2026-12-31', 'UTC').toISOString()).toBe('2026-12-31T23:59:59.999Z');
    expect(endOfDay('2026-12-31', 'Europe/Vilnius').toISOString()).toBe('2026-12-31T21:59:59.999Z');
    expect(endOfDay('2026-07-01', 'Europe/Vilnius').toISOString()).toBe('2026-07-01T20:59:59.999Z');
    expect(endOfDay('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-09T03:59:59.999Z');
  });

  it('gives back the same day for the date input', () => {
    for (const zone of ['UTC', 'Europe/Vilnius', 'America/New_York', 'Pacific/Auckland']) {
      expect(dayOf(endOfDay('2026-10-25', zone), zone)).toBe('2026-10-25');
    }
  });
});
