import { describe, expect, it } from 'vitest';
import { niceTicks, timeTicks } from './chart-scale';

describe('chart scales', () => {
  it('rounds the value axis up to a readable step', () => {
    expect(niceTicks(7.4)).toEqual({ max: 8, step: 2, values: [0, 2, 4, 6, 8], fractionDigits: 0 });
    expect(niceTicks(9)).toEqual({ max: 10, step: 2.5, values: [0, 2.5, 5, 7.5, 10], fractionDigits: 1 });
    expect(niceTicks(0)).toMatchObject({ max: 1, values: [0, 0.25, 0.5, 0.75, 1], fractionDigits: 2 });
    expect(niceTicks(0.37)).toMatchObject({ values: [0, 0.1, 0.2, 0.3, 0.4], fractionDigits: 1 });
    expect(niceTicks(0.09).fractionDigits).toBe(3);
  });

  it('puts time ticks on whole minutes and hours inside the range', () => {
    const start = Date.UTC(2026, 0, 1, 10, 7);
    const ticks = timeTicks(start, start + 95 * 60_000);
    expect(ticks.map((tick) => new Date(tick).toISOString().slice(11, 16))).toEqual(['10:30', '11:00', '11:30']);
    expect(timeTicks(start, start).length).toBeLessThanOrEqual(1);
  });
});
