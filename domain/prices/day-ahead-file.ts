// Day-ahead hourly prices read from a file an owner uploads or a URL the OCPP server fetches (formats in README,
// "Day-ahead prices"). Nothing is taken from a file with any bad line: the first one is named.
export type DayAheadHour = { startsAt: Date; pricePerKwh: string };

export type DayAheadProblem = 'empty' | 'tooLarge' | 'notJson' | 'header' | 'start' | 'notWholeHour' | 'price' | 'duplicate' | 'tooMany';
export type DayAheadRead = { ok: true; hours: DayAheadHour[] } | { ok: false; problem: DayAheadProblem; line: number | null };

export const MAX_DAY_AHEAD_BYTES = 900_000;
// A little over a year of hours.
export const MAX_DAY_AHEAD_HOURS = 24 * 400;

const HOUR_MS = 3_600_000;
// An instant needs its offset (or Z): a wall time alone means a different hour in every zone.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const PRICE = /^-?\d{1,8}(\.\d{1,4})?$/;

const refuse = (problem: DayAheadProblem, line: number | null = null): DayAheadRead => ({ ok: false, problem, line });

type Entry = { line: number; start: unknown; price: unknown };

function readEntries(entries: Entry[]): DayAheadRead {
  if (entries.length === 0) return refuse('empty');
  if (entries.length > MAX_DAY_AHEAD_HOURS) return refuse('tooMany');
  const seen = new Set<number>();
  const hours: DayAheadHour[] = [];
  for (const { line, start, price } of entries) {
    if (typeof start !== 'string' || !INSTANT.test(start.trim()) || Number.isNaN(Date.parse(start.trim()))) return refuse('start', line);
    const ms = Date.parse(start.trim());
    if (ms % HOUR_MS !== 0) return refuse('notWholeHour', line);
    const text = typeof price === 'number' ? String(price) : typeof price === 'string' ? price.trim() : '';
    if (!PRICE.test(text)) return refuse('price', line);
    if (seen.has(ms)) return refuse('duplicate', line);
    seen.add(ms);
    hours.push({ startsAt: new Date(ms), pricePerKwh: text });
  }
  return { ok: true, hours: hours.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()) };
}

// CSV: a header `start,price` (in either order), then one hour a line. With `;` between fields a decimal comma is
// accepted, as spreadsheets in much of Europe write it.
function readCsv(text: string): DayAheadRead {
  const lines = text.split(/\r?\n/);
  const headerAt = lines.findIndex((line) => line.trim() !== '');
  if (headerAt < 0) return refuse('empty');
  const separator = lines[headerAt]!.includes(';') ? ';' : ',';
  const header = lines[headerAt]!.split(separator).map((name) => name.trim().toLowerCase().replace(/^"|"$/g, ''));
  const startColumn = header.indexOf('start');
  const priceColumn = header.indexOf('price');
  if (startColumn < 0 || priceColumn < 0) return refuse('header', headerAt + 1);
  const entries: Entry[] = [];
  for (let i = headerAt + 1; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    const fields = lines[i]!.split(separator).map((field) => field.trim().replace(/^"|"$/g, ''));
    const price = separator === ';' ? fields[priceColumn]?.replace(',', '.') : fields[priceColumn];
    entries.push({ line: i + 1, start: fields[startColumn], price });
  }
  return readEntries(entries);
}

// JSON: an array of {"start": …, "price": …}; its entries are counted from 1 as lines are.
function readJson(text: string): DayAheadRead {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse('notJson');
  }
  if (!Array.isArray(parsed)) return refuse('notJson');
  return readEntries(
    parsed.map((item, index) => {
      const entry = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
      return { line: index + 1, start: entry.start, price: entry.price };
    }),
  );
}

export function readDayAheadFile(text: string): DayAheadRead {
  if (text.length > MAX_DAY_AHEAD_BYTES) return refuse('tooLarge');
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return refuse('empty');
  return trimmed.startsWith('[') ? readJson(trimmed) : readCsv(text.replace(/^\uFEFF/, ''));
}

export function summarizeHours(hours: DayAheadHour[]) {
  const prices = hours.map((hour) => Number(hour.pricePerKwh));
  return {
    hours: hours.length,
    first: hours[0]?.startsAt ?? null,
    last: hours.at(-1)?.startsAt ?? null,
    min: prices.length ? Math.min(...prices) : null,
    max: prices.length ? Math.max(...prices) : null,
  };
}
