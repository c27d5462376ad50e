import type { getFormatter } from 'next-intl/server';

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

// Amounts in their currency and statement months, in the user's locale; a statement's month is a calendar date.
export function moneyFormatter(format: Formatter) {
  const money = (amount: string, currency: string | null) => (currency ? format.number(Number(amount), { style: 'currency', currency }) : format.number(Number(amount)));
  money.month = (periodStart: string) => format.dateTime(new Date(`${periodStart}T00:00:00Z`), { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return money;
}
