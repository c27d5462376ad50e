import { describe, expect, it } from 'vitest';
import { checkPeriods, periodAt, type TimeOfUsePeriod } from './time-of-use';

const period = (days: TimeOfUsePeriod['days'], fromHour: number, toHour: number, pricePerKwh: string): TimeOfUsePeriod => ({ days, fromHour, toHour, fromMonth: null, toMonth: null, pricePerKwh });
const at = (weekday: number, hour: number) => ({ year: 2026, month: 1, day: 12 + weekday, weekday, hour, minute: 0 });

describe('time-of-use periods across midnight', () => {
  it('cover, on each of their days, the hours from the start to midnight and from midnight to the end', () => {
    const periods = [period('weekdays', 22, 6, '0.1000'), period('weekdays', 6, 22, '0.3000'), period('weekend', 0, 24, '0.1500')];
    expect(checkPeriods(periods)).toBeNull();
    expect(periodAt(periods, at(2, 23))?.pricePerKwh).toBe('0.1000');
    expect(periodAt(periods, at(2, 5))?.pricePerKwh).toBe('0.1000');
    expect(periodAt(periods, at(2, 6))?.pricePerKwh).toBe('0.3000');
    // Saturday 02:00 follows Friday night but is a weekend hour: the weekend's price.
    expect(periodAt(periods, at(6, 2))?.pricePerKwh).toBe('0.1500');
  });

  it('still refuse a period that starts and ends at the same hour, and find the overlap of a night with the evening', () => {
    expect(checkPeriods([period('everyDay', 6, 6, '0.1000')])).toEqual({ kind: 'hours', row: 0 });
    expect(checkPeriods([period('everyDay', 6, 23, '0.3000'), period('everyDay', 22, 6, '0.1000')])).toEqual({ kind: 'overlap', row: 1, other: 0 });
  });
});
