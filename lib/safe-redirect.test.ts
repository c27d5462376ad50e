import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './safe-redirect';

describe('safeCallbackPath', () => {
  it('keeps a path on this site', () => {
    expect(safeCallbackPath('/invites/accept?token=abc')).toBe('/invites/accept?token=abc');
  });
  it.each(['https://evil.example/', '//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', 'javascript:alert(1)', '', null])('refuses %s', (value) => {
    expect(safeCallbackPath(value)).toBeNull();
  });
});
