import type { TimeOfUsePeriod } from '../../db/schema/tariffs';
import type { LocalParts } from './local-time';

export type { TimeOfUsePeriod };

const isWeekend = (weekday: number) => weekday === 0 || weekday === 6;

function coversDay(period: TimeOfUsePeriod, weekend: boolean) {
  return period.days === 'everyDay' || (period.days === 'weekend') === weekend;
}

function coversMonth(period: TimeOfUsePeriod, month: number) {
  if (period.fromMonth === null || period.toMonth === null) return true;
  return period.fromMonth <= period.toMonth ? month >= period.fromMonth && month <= period.toMonth : month >= period.fromMonth || month <= period.toMonth;
}

function covers(period: TimeOfUsePeriod, month: number, weekend: boolean, hour: number) {
  return coversMonth(period, month) && coversDay(period, weekend) && hour >= period.fromHour && hour < period.toHour;
}

export function periodAt(periods: TimeOfUsePeriod[], local: LocalParts) {
  return periods.find((period) => covers(period, local.month, isWeekend(local.weekday), local.hour)) ?? null;
}

export type PeriodsProblem =
  | { kind: 'overlap'; row: number; other: number }
  | { kind: 'gap'; month: number; weekend: boolean; hour: number }
  | { kind: 'hours'; row: number }
  | { kind: 'season'; row: number };

// Every hour of every day of the year must have exactly one price: a second one is an overlap (named on the later
// row), none is a gap (the first one found, by month, kind of day and hour).
export function checkPeriods(periods: TimeOfUsePeriod[]): PeriodsProblem | null {
  for (const [row, period] of periods.entries()) {
    if (!(Number.isInteger(period.fromHour) && Number.isInteger(period.toHour) && period.fromHour >= 0 && period.fromHour < period.toHour && period.toHour <= 24)) return { kind: 'hours', row };
    const months = [period.fromMonth, period.toMonth];
    const seasonValid = months.every((month) => month === null) || months.every((month) => month !== null && Number.isInteger(month) && month >= 1 && month <= 12);
    if (!seasonValid) return { kind: 'season', row };
  }
  let gap: PeriodsProblem | null = null;
  for (let month = 1; month <= 12; month++) {
    for (const weekend of [false, true]) {
      for (let hour = 0; hour < 24; hour++) {
        const rows = periods.flatMap((period, row) => (covers(period, month, weekend, hour) ? [row] : []));
        if (rows.length > 1) return { kind: 'overlap', row: rows[1]!, other: rows[0]! };
        if (rows.length === 0) gap ??= { kind: 'gap', month, weekend, hour };
      }
    }
  }
  return gap;
}
