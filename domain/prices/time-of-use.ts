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

// A period whose start is after its end runs across midnight (22–6): on each of its days it covers the hours from its
// start to midnight and from midnight to its end, so the hours after midnight take the kind of day they fall on.
function coversHour(period: TimeOfUsePeriod, hour: number) {
  if (period.fromHour < period.toHour) return hour >= period.fromHour && hour < period.toHour;
  return hour >= period.fromHour || hour < period.toHour;
}

function covers(period: TimeOfUsePeriod, month: number, weekend: boolean, hour: number) {
  return coversMonth(period, month) && coversDay(period, weekend) && coversHour(period, hour);
}

export function hoursValid(fromHour: number, toHour: number) {
  return Number.isInteger(fromHour) && Number.isInteger(toHour) && fromHour >= 0 && fromHour < 24 && toHour >= 0 && toHour <= 24 && fromHour !== toHour;
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
    if (!hoursValid(period.fromHour, period.toHour)) return { kind: 'hours', row };
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
