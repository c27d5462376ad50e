// The date-times ocpp-rpc's strict mode lets through (ajv-formats `date-time`): RFC 3339 with `T`, `t` or a space
// between date and time, any number of fraction digits, 23:59:60, and an offset that may be `Z`, ±hh, ±hhmm or
// ±hh:mm, or missing altogether. OCPP 1.6 recommends UTC for every time value (2.0.1 requires it), so a time without
// an offset is UTC. `new Date(text)` reads it in the process's time zone instead, and cannot read ±hh or 23:59:60.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt\s](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

// The instant a charger's time names, or null for text that is no such date-time.
export function readChargerTime(text: string): Date | null {
  const parts = DATE_TIME.exec(text);
  if (!parts) return null;
  const [, year, month, day, hour, minute, second, fraction = '', , sign, offsetHours = '0', offsetMinutes = '0'] = parts;
  const at = new Date(0);
  // setUTCFullYear, not Date.UTC, which reads years 0–99 as 1900–1999. A leap second (23:59:60) rolls over to the next minute.
  at.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  at.setUTCHours(Number(hour), Number(minute), Number(second), Number(fraction.slice(0, 3).padEnd(3, '0')));
  const offsetMs = (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  return new Date(at.getTime() - (sign === '-' ? -offsetMs : sign === '+' ? offsetMs : 0));
}
