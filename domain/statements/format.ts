import type { Locale } from '../../db/schema';

// Energy in kWh with two decimals, as statements and their notifications write it (the unit is the message's).
export function kwhNumber(locale: Locale, wh: number) {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(wh / 1000);
}

// Numbers, amounts and times of a statement for the reader's locale, on the account's clock.
export function statementFormat(locale: Locale, timeZone: string) {
  const meter = new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'short', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(locale, { timeZone, timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'long' });
  return {
    energy: (wh: number) => `${kwhNumber(locale, wh)} kWh`,
    meter: (wh: number | null) => (wh === null ? '—' : `${meter.format(wh / 1000)} kWh`),
    // Amounts stay decimal strings up to here; Intl formats them exactly (no binary fraction in between).
    money: (amount: string, currency: string) => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount as unknown as number),
    pricePerKwh: (price: string, currency: string) =>
      `${new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 4 }).format(price as unknown as number)}/kWh`,
    dateTime: (at: Date) => dateTime.format(at),
    time: (at: Date) => time.format(at),
    // A period's dates are calendar dates already in the account's zone.
    date: (isoDate: string) => date.format(new Date(`${isoDate}T00:00:00Z`)),
  };
}

export type StatementFormat = ReturnType<typeof statementFormat>;

// A statement's month, as "March 2026" reads in the locale.
export function monthName(locale: Locale, periodStart: string) {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(`${periodStart}T00:00:00Z`));
}
