export type LocalParts = { year: number; month: number; day: number; hour: number; minute: number; weekday: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function formatterOf(timeZone: string) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isTimeZone(value: string) {
  try {
    formatterOf(value);
    return true;
  } catch {
    return false;
  }
}

// The wall clock of `timeZone` at an instant; weekday 0 is Sunday.
export function localParts(at: Date, timeZone: string): LocalParts {
  const parts = Object.fromEntries(formatterOf(timeZone).formatToParts(at).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS.indexOf(parts.weekday!),
  };
}

const QUARTER_HOUR_MS = 15 * 60_000;

// Every instant strictly between `from` and `to` where the local clock shows a whole hour, and whether it is a
// midnight (a new local day). Every zone's offset is a multiple of 15 minutes, so the quarter hours of UTC hold them
// all, across daylight-saving changes too.
export function localHourMarks(from: Date, to: Date, timeZone: string) {
  const marks: { at: Date; isMidnight: boolean }[] = [];
  for (let ms = Math.floor(from.getTime() / QUARTER_HOUR_MS + 1) * QUARTER_HOUR_MS; ms < to.getTime(); ms += QUARTER_HOUR_MS) {
    const parts = localParts(new Date(ms), timeZone);
    if (parts.minute === 0) marks.push({ at: new Date(ms), isMidnight: parts.hour === 0 });
  }
  return marks;
}
