import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LOCALES } from './locales';

type Catalog = { [key: string]: string | Catalog };
const dir = path.resolve(import.meta.dirname, '../../messages');
const load = (locale: string): Catalog => JSON.parse(readFileSync(path.join(dir, `${locale}.json`), 'utf8'));

function flatten(catalog: Catalog, prefix = ''): [string, string][] {
  return Object.entries(catalog).flatMap(([key, value]) => (typeof value === 'string' ? [[prefix + key, value] as [string, string]] : flatten(value, `${prefix}${key}.`)));
}

// Arguments that carry a count of something: the words around them change with the number.
const COUNT_ARGUMENT = /^(count|n|total|min|max|minutes|hours|seconds|days|tries|needed|online|accepted|pending|failed|\w+Count)$/;

// Each count argument printed outside a plural on that same argument, e.g. "{count} chargers".
function countsOutsidePlural(elements: MessageFormatElement[], pluralsAround: string[] = []): string[] {
  return elements.flatMap((element) => {
    if ((element.type === TYPE.argument || element.type === TYPE.number) && COUNT_ARGUMENT.test(element.value) && !pluralsAround.includes(element.value)) {
      return [element.value];
    }
    if (element.type === TYPE.plural) return Object.values(element.options).flatMap((option) => countsOutsidePlural(option.value, [...pluralsAround, element.value]));
    if (element.type === TYPE.select) return Object.values(element.options).flatMap((option) => countsOutsidePlural(option.value, pluralsAround));
    if (element.type === TYPE.tag) return countsOutsidePlural(element.children, pluralsAround);
    return [];
  });
}

// The categories (one, few, other…) of every plural in the message, exact matches such as =0 left out.
function pluralCategories(elements: MessageFormatElement[]): { argument: string; categories: string[] }[] {
  return elements.flatMap((element) => {
    if (element.type === TYPE.plural) {
      const categories = Object.keys(element.options).filter((key) => !key.startsWith('='));
      return [{ argument: element.value, categories }, ...Object.values(element.options).flatMap((option) => pluralCategories(option.value))];
    }
    if (element.type === TYPE.select) return Object.values(element.options).flatMap((option) => pluralCategories(option.value));
    if (element.type === TYPE.tag) return pluralCategories(element.children);
    return [];
  });
}

// What each language must spell out: Lithuanian tells one (1, 21), few (2–9), many (fractions) and other (0, 10–20)
// apart; the others at least one and other. A plural with only `other` would print "1 chargers".
const REQUIRED: Record<string, string[]> = { lt: ['one', 'few', 'many', 'other'] };
const requiredIn = (locale: string) => REQUIRED[locale] ?? ['one', 'other'];

describe('counts in messages', () => {
  it('the checks catch a bare count and a Lithuanian plural missing a form', () => {
    expect(countsOutsidePlural(parse('{count} chargers'))).toEqual(['count']);
    expect(countsOutsidePlural(parse('{count, plural, one {# charger} other {{total} chargers}}'))).toEqual(['total']);
    expect(countsOutsidePlural(parse('{count, plural, one {# charger} other {{count} chargers}}'))).toEqual([]);
    expect(pluralCategories(parse('{n, plural, =0 {none} one {# stotelė} other {# stotelių}}'))).toEqual([{ argument: 'n', categories: ['one', 'other'] }]);
  });

  for (const locale of LOCALES) {
    const messages = flatten(load(locale));

    it(`${locale}: every count is printed through a plural`, () => {
      const bare = messages.flatMap(([key, message]) => countsOutsidePlural(parse(message)).map((argument) => `${key}: {${argument}}`));
      expect(bare).toEqual([]);
    });

    it(`${locale}: every plural has the forms ${requiredIn(locale).join('/')}`, () => {
      const missing = messages.flatMap(([key, message]) =>
        pluralCategories(parse(message))
          .filter(({ categories }) => requiredIn(locale).some((category) => !categories.includes(category)))
          .map(({ argument, categories }) => `${key}: {${argument}} has ${categories.join('/') || 'no category'}`),
      );
      expect(missing).toEqual([]);
    });
  }
});
