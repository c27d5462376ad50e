import { describe, expect, it } from 'vitest';
import { MAX_READINGS_PER_REQUEST, parseGridReadings } from './readings';

const now = new Date('2026-12-03T12:00:00Z');

describe('a meter feed reading', () => {
  it('takes one reading, stamped now when it names no time, rounded to the watt', () => {
    expect(parseGridReadings({ powerW: 1250.6 }, now)).toEqual({ ok: true, readings: [{ powerW: 1251, measuredAt: now }] });
  });

  it('takes a sensor state as Home Assistant templates write it (a string) and an export as a negative power', () => {
    expect(parseGridReadings({ powerW: '-800', measuredAt: '2026-12-03T13:59:30+02:00' }, now)).toEqual({
      ok: true,
      readings: [{ powerW: -800, measuredAt: new Date('2026-12-03T11:59:30Z') }],
    });
  });

  it('takes a batch, and refuses the whole batch at its first bad reading, naming it', () => {
    const batch = { readings: [{ powerW: 10, measuredAt: '2026-12-03T11:59:00Z' }, { powerW: 'lots' }] };
    expect(parseGridReadings(batch, now)).toEqual({ ok: false, problem: 'powerInvalid', index: 1 });
    expect(parseGridReadings({ readings: [{ powerW: 10 }, { powerW: 20 }] }, now)).toMatchObject({ ok: true, readings: [{ powerW: 10 }, { powerW: 20 }] });
  });

  it('refuses what is not a reading', () => {
    const cases: [unknown, string][] = [
      [{}, 'powerInvalid'],
      [null, 'powerInvalid'],
      [{ powerW: Number.NaN }, 'powerInvalid'],
      [{ powerW: '' }, 'powerInvalid'],
      [{ powerW: 2_000_000 }, 'powerOutOfRange'],
      [{ powerW: 1, measuredAt: '2026-12-03T11:59:00' }, 'timeInvalid'],
      [{ powerW: 1, measuredAt: 'yesterday' }, 'timeInvalid'],
      [{ powerW: 1, measuredAt: '2026-12-03T12:05:00Z' }, 'timeInFuture'],
      [{ powerW: 1, measuredAt: '2026-12-01T12:00:00Z' }, 'timeTooOld'],
      [{ readings: [] }, 'noReadings'],
      [{ readings: 'x' }, 'noReadings'],
      [{ readings: Array.from({ length: MAX_READINGS_PER_REQUEST + 1 }, () => ({ powerW: 1 })) }, 'tooManyReadings'],
    ];
    for (const [body, problem] of cases) expect(parseGridReadings(body, now), JSON.stringify(body)).toMatchObject({ ok: false, problem });
  });
});
