import { validateHeaderValue } from 'node:http';
import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-redirect';

describe('safeCallbackPath', () => {
  it('keeps a path on this site', () => {
    expect(safeCallbackPath('/invites/accept?token=abc')).toBe('/invites/accept?token=abc');
  });
  it.each(['https://evil.example/', '//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', 'javascript:alert(1)', '', null])('refuses %s', (value) => {
    expect(safeCallbackPath(value)).toBeNull();
  });
  // Such a path is same-site as written, but would leave the site once its dot segments were resolved.
  it.each(['/..//evil.example', '/.//evil.example', '/a/../\\evil.example', '/%2e%2e//evil.example'])('refuses %s, which resolves to //…', (value) => {
    expect(safeCallbackPath(value)).toBeNull();
  });
  // A Location header holds ASCII only: the server cannot send anything else (a 500).
  it.each([
    ['/\u3000/x', '/%E3%80%80/x'],
    ['/sessions?charger=Kaunas ė#top', '/sessions?charger=Kaunas%20%C4%97#top'],
    ['/\uD800', '/%EF%BF%BD'],
    ['/chargers?q="<>"', '/chargers?q=%22%3C%3E%22'],
  ])('percent-encodes %s as a header can carry it', (value, encoded) => {
    const path = safeCallbackPath(value);
    expect(path).toBe(encoded);
    expect(() => validateHeaderValue('location', path ?? '')).not.toThrow();
  });
});
