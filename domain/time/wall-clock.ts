// How far the clock of timeZone is ahead of UTC at an instant, in milliseconds.
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

// The instant at which the clock of timeZone shows `wall` (that clock's date and time written as UTC milliseconds).
// The offset is read twice: at the wall time taken as UTC, then at the instant that gives, which is right across a
// change to or from summer time.
export function instantOfWallTime(wall: number, timeZone: string): number {
  const guess = wall - offsetMs(new Date(wall), timeZone);
  return wall - offsetMs(new Date(guess), timeZone);
}
