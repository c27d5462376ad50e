// The owner picks a calendar day; the card stays valid through the end of that day in the owner's time zone.

export function offsetMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

// `day` is YYYY-MM-DD; the result is the last millisecond of that day in timeZone.
export function endOfDay(day: string, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const nextMidnightUtc = Date.UTC(year!, month! - 1, date! + 1);
  const guess = nextMidnightUtc - offsetMs(new Date(nextMidnightUtc), timeZone);
  const exact = nextMidnightUtc - offsetMs(new Date(guess), timeZone);
  return new Date(exact - 1);
}

// The calendar day (YYYY-MM-DD) of an instant in timeZone, for a date input's value.
export function dayOf(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
