// What a meter feed may send (README, "Home meter feed"): one reading, or a batch of them, each the site's power at
// its grid connection in watts (positive imported, negative exported) and, optionally, when it was measured.
export const MAX_GRID_POWER_W = 1_000_000;
export const MAX_READINGS_PER_REQUEST = 60;
// A reading from the future beyond a clock's drift, or older than a day, is more likely a mistake than news.
const FUTURE_TOLERANCE_MS = 60_000;
const OLDEST_MS = 24 * 60 * 60 * 1000;
// ISO 8601 with an offset or Z: a time without one is ambiguous (the lesson of chargers' local timestamps).
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

export type GridReading = { measuredAt: Date; powerW: number };
export type ReadingProblem = 'noReadings' | 'tooManyReadings' | 'powerInvalid' | 'powerOutOfRange' | 'timeInvalid' | 'timeInFuture' | 'timeTooOld';
export type ParsedReadings = { ok: true; readings: GridReading[] } | { ok: false; problem: ReadingProblem; index: number | null };

function parsePower(value: unknown): number | 'invalid' | 'outOfRange' {
  // Home Assistant's templates give a sensor's state as a string; a number is taken either way.
  const power = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof power !== 'number' || !Number.isFinite(power)) return 'invalid';
  if (Math.abs(power) > MAX_GRID_POWER_W) return 'outOfRange';
  return Math.round(power);
}

function parseTime(value: unknown, now: Date): Date | ReadingProblem {
  if (value === undefined || value === null) return now;
  if (typeof value !== 'string' || !ISO_WITH_OFFSET.test(value.trim())) return 'timeInvalid';
  const at = new Date(value.trim());
  if (Number.isNaN(at.getTime())) return 'timeInvalid';
  if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return 'timeInFuture';
  if (at.getTime() < now.getTime() - OLDEST_MS) return 'timeTooOld';
  return at;
}

function parseOne(item: unknown, now: Date): GridReading | ReadingProblem {
  const fields = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
  const power = parsePower(fields.powerW);
  if (power === 'invalid') return 'powerInvalid';
  if (power === 'outOfRange') return 'powerOutOfRange';
  const measuredAt = parseTime(fields.measuredAt, now);
  return measuredAt instanceof Date ? { measuredAt, powerW: power } : measuredAt;
}

// `{ "powerW": 1250 }`, `{ "powerW": -800, "measuredAt": "…Z" }` or `{ "readings": [ … ] }`; the first bad reading
// refuses the whole request (index: its place in `readings`), so a feed never half-stores a batch.
export function parseGridReadings(body: unknown, now: Date): ParsedReadings {
  const batch = typeof body === 'object' && body !== null && 'readings' in body ? (body as { readings: unknown }).readings : undefined;
  const items = batch === undefined ? [body] : batch;
  if (!Array.isArray(items) || items.length === 0) return { ok: false, problem: 'noReadings', index: null };
  if (items.length > MAX_READINGS_PER_REQUEST) return { ok: false, problem: 'tooManyReadings', index: null };
  const readings: GridReading[] = [];
  for (const [index, item] of items.entries()) {
    const reading = parseOne(item, now);
    if (typeof reading === 'string') return { ok: false, problem: reading, index: batch === undefined ? null : index };
    readings.push(reading);
  }
  return { ok: true, readings };
}
