import { instantOfWallTime } from '../time/wall-clock';

// The owner picks a calendar day; the card stays valid through the end of that day in the owner's time zone.
// `day` is YYYY-MM-DD; the result is the last millisecond of that day in timeZone.
export function endOfDay(day: string, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(instantOfWallTime(Date.UTC(year!, month! - 1, date! + 1), timeZone) - 1);
}

// The calendar day (YYYY-MM-DD) of an instant in timeZone, for a date input's value.
export function dayOf(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
