import { dayAfter, dayBefore, isDateString, isMonthString, localMonth, monthPeriod, type Period } from '@/domain/statements/period';

type Params = Record<string, string | string[] | undefined>;
export type PeriodChoice = {
  period: Period;
  // The month shown, or null for a range of days.
  month: string | null;
  errors: { month?: 'monthInvalid'; from?: 'dateInvalid'; to?: 'dateInvalid' | 'rangeInvalid' };
};

const MAX_RANGE_DAYS = 366;
const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value.trim() : '');

function daysBetween(from: string, to: string) {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

// ?month=2026-03, or ?from=2026-03-05&to=2026-03-20 (both days included), or nothing for this month of the account's
// clock. A value that is not a date is said next to its field and this month is shown meanwhile.
export function parsePeriodParams(params: Params, { timeZone, now = new Date() }: { timeZone: string; now?: Date }): PeriodChoice {
  const thisMonth = localMonth(now, timeZone);
  const fallback = { period: monthPeriod(thisMonth), month: thisMonth };
  const [month, from, to] = [one(params.month), one(params.from), one(params.to)];
  if (from || to) {
    const errors: PeriodChoice['errors'] = {};
    if (!isDateString(from)) errors.from = 'dateInvalid';
    if (!isDateString(to)) errors.to = 'dateInvalid';
    else if (!errors.from && (daysBetween(from, to) < 0 || daysBetween(from, to) >= MAX_RANGE_DAYS)) errors.to = 'rangeInvalid';
    if (Object.keys(errors).length > 0) return { ...fallback, errors };
    return { period: { from, to: dayAfter(to) }, month: null, errors: {} };
  }
  if (month && !isMonthString(month)) return { ...fallback, errors: { month: 'monthInvalid' } };
  return month ? { period: monthPeriod(month), month, errors: {} } : { ...fallback, errors: {} };
}

export function periodQuery(choice: Pick<PeriodChoice, 'period' | 'month'>): string {
  if (choice.month) return `?month=${choice.month}`;
  return `?from=${choice.period.from}&to=${dayBefore(choice.period.to)}`;
}
