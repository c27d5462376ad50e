import { localParts } from '../prices/local-time';
import { instantOfWallTime } from '../time/wall-clock';

const DAY_MS = 86_400_000;

// The next moment after `now` the clock of timeZone shows `time` ("07:00"): today's, or tomorrow's once today's has
// passed. A time a spring-forward skips falls an hour later, as clocks show it.
export function nextLocalTime(now: Date, time: string, timeZone: string): Date {
  const [hours, minutes] = time.split(':').map(Number);
  const today = localParts(now, timeZone);
  for (const dayOffset of [0, 1, 2]) {
    const at = instantOfWallTime(Date.UTC(today.year, today.month - 1, today.day + dayOffset, hours!, minutes!), timeZone);
    if (at > now.getTime()) return new Date(at);
  }
  return new Date(now.getTime() + DAY_MS);
}
