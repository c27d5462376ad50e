import { describe, expect, it } from 'vitest';
import { isTimeZone, negotiateLocale } from './locales';

describe('negotiateLocale', () => {
  it.each([
    ['lt-LT,lt;q=0.9,en;q=0.8', 'lt'],
    ['de-CH', 'de'],
    ['ja,fr;q=0.5,en;q=0.4', 'fr'],
    ['en;q=0.1,es;q=0.9', 'es'],
    ['ja,zh', 'en'],
    ['', 'en'],
    ['fr;q=0,de', 'de'],
  ])('picks the best supported language from "%s"', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe('isTimeZone', () => {
  it('accepts IANA zones and refuses anything else', () => {
    expect(isTimeZone('Europe/Vilnius')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('x'.repeat(100))).toBe(false);
  });
});
