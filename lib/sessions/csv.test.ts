import { describe, expect, it } from 'vitest';
import { csvField, csvLine, csvText } from './csv';

describe('CSV fields', () => {
  it('quotes only what needs quoting and doubles inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField('Šiauliai ⚡')).toBe('Šiauliai ⚡');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvText('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvText('-1')).toBe("'-1");
    expect(csvText('Garage')).toBe('Garage');
  });

  it('ends lines with CRLF', () => {
    expect(csvLine(['a', 'b'])).toBe('a,b\r\n');
  });
});
