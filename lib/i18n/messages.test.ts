import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LOCALES } from './locales';

type Catalog = { [key: string]: string | Catalog };
const dir = path.resolve(import.meta.dirname, '../../messages');
const load = (locale: string): Catalog => JSON.parse(readFileSync(path.join(dir, `${locale}.json`), 'utf8'));

function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  return new Map(
    Object.entries(catalog).flatMap(([key, value]) =>
      typeof value === 'string' ? [[prefix + key, value] as const] : [...flatten(value, `${prefix}${key}.`)],
    ),
  );
}

function argumentsOf(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((element) => {
    if (element.type === TYPE.literal || element.type === TYPE.pound) return [];
    if (element.type === TYPE.tag) return [`<${element.value}>`, ...argumentsOf(element.children)];
    const nested = 'options' in element ? Object.values(element.options).flatMap((option) => argumentsOf(option.value)) : [];
    return [element.value, ...nested];
  });
}

const english = flatten(load('en'));

describe('message catalogs', () => {
  it('has a file for every supported language and no other', () => {
    expect(readdirSync(dir).sort()).toEqual(LOCALES.map((locale) => `${locale}.json`).sort());
  });

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    it(`${locale} has exactly the keys English has`, () => {
      const translated = flatten(load(locale));
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    });

    it(`${locale} messages parse and use the same placeholders as English`, () => {
      for (const [key, message] of flatten(load(locale))) {
        const source = english.get(key);
        if (source === undefined) continue;
        const expected = new Set(argumentsOf(parse(source)));
        expect(new Set(argumentsOf(parse(message))), `${locale}: ${key}`).toEqual(expected);
      }
    });
  }
});
