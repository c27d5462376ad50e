import { instantOfWallTime, offsetMs } from '../time/wall-clock';

// "Only 23:00–07:00 on weekdays": the days a window opens on (0 Monday … 6 Sunday) and its local times. A window
// whose end is not after its start runs past midnight into the next day.
export type ChargingWindow = { days: number[]; from: string; to: string };

const WEEK_SEC = 7 * 86_400;
const minutesOf = (time: string) => {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
};

// Open spans in seconds from Monday 00:00, merged and sorted; a span past Sunday night wraps to Monday.
export function openSpans(windows: ChargingWindow[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const { days, from, to } of windows) {
    const start = minutesOf(from) * 60;
    const end = minutesOf(to) * 60;
    const lengthSec = end > start ? end - start : end + 86_400 - start;
    for (const day of days) {
      const open = day * 86_400 + start;
      const close = open + lengthSec;
      if (close <= WEEK_SEC) spans.push([open, close]);
      else spans.push([open, WEEK_SEC], [0, close - WEEK_SEC]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

// Monday 00:00 of the week holding `now`, in timeZone, as an instant.
export function weekStart(now: Date, timeZone: string): Date {
  const local = new Date(now.getTime() + offsetMs(now, timeZone));
  const daysSinceMonday = (local.getUTCDay() + 6) % 7;
  const localMidnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - daysSinceMonday);
  return new Date(instantOfWallTime(localMidnight, timeZone));
}

export function isOpenAt(windows: ChargingWindow[], at: Date, timeZone: string): boolean {
  const offsetSec = (at.getTime() - weekStart(at, timeZone).getTime()) / 1000;
  return openSpans(windows).some(([open, close]) => offsetSec >= open && offsetSec < close);
}

// When the next window opens after `at` (null with no windows).
export function nextOpening(windows: ChargingWindow[], at: Date, timeZone: string): Date | null {
  const spans = openSpans(windows);
  if (spans.length === 0) return null;
  const week = weekStart(at, timeZone).getTime();
  const offsetSec = (at.getTime() - week) / 1000;
  const next = spans.find(([open]) => open > offsetSec);
  return new Date(week + (next ? next[0] : spans[0]![0] + WEEK_SEC) * 1000);
}

// A weekly profile sent at `sentAt` repeats every 7 × 86,400 s from that week's Monday; once the zone's offset has
// changed (summer time), the Mondays no longer fall whole weeks apart and each window opens an hour off.
export function isWeekAnchorStale(sentAt: Date, now: Date, timeZone: string): boolean {
  return (weekStart(now, timeZone).getTime() - weekStart(sentAt, timeZone).getTime()) % (WEEK_SEC * 1000) !== 0;
}
