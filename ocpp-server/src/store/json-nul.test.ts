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
});
