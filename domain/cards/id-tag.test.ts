import { describe, expect, it } from 'vitest';
import { generateVirtualIdTag, ID_TAG_MAX, ID_TAG_PATTERN, normalizeIdTag } from './id-tag';

describe('id tags', () => {
  it('normalises case and whitespace the same way every time', () => {
    expect(normalizeIdTag('  04 a2 3b\tff ')).toBe('04A23BFF');
    expect(normalizeIdTag('04A23BFF')).toBe('04A23BFF');
  });

  it('generates distinct virtual tags that fit an OCPP 1.6 IdToken', () => {
    const tags = new Set(Array.from({ length: 200 }, generateVirtualIdTag));
    expect(tags.size).toBe(200);
    for (const tag of tags) {
      expect(tag).toMatch(/^V[A-Z2-7]{15}$/);
      expect(tag.length).toBeLessThanOrEqual(ID_TAG_MAX);
      expect(tag).toMatch(ID_TAG_PATTERN);
    }
  });
});
