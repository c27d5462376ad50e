import { describe, expect, it } from 'vitest';
import { jsonbSafe } from './recordset';

describe('jsonbSafe', () => {
  it('turns a NUL character, which jsonb refuses, into U+FFFD', () => {
    expect(JSON.parse(jsonbSafe(JSON.stringify({ idTag: 'A\u0000B' })))).toEqual({ idTag: 'A\uFFFDB' });
  });

  it('leaves the six characters "\\u0000" typed as text alone', () => {
    const json = JSON.stringify({ data: '\\u0000' });
    expect(jsonbSafe(json)).toBe(json);
  });

  it('turns a lone UTF-16 surrogate, which jsonb refuses, into U+FFFD and leaves a surrogate pair alone', () => {
    expect(JSON.parse(jsonbSafe(JSON.stringify({ info: 'A\ud800B', value: '\udc00' })))).toEqual({ info: 'A\uFFFDB', value: '\uFFFD' });
    const pair = JSON.stringify({ info: 'plug 🔌' });
    expect(jsonbSafe(pair)).toBe(pair);
  });
});
