import { randomBytes } from 'node:crypto';

// OCPP 1.6 IdToken is CiString20Type: at most 20 characters, compared case-insensitively.
export const ID_TAG_MAX = 20;
export const ID_TAG_PATTERN = /^[\x21-\x7E]+$/;

// Readers print the same UID as "04 a2 3b ff" or "04A23BFF"; one spelling per card keeps the unique index honest.
export function normalizeIdTag(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const VIRTUAL_PREFIX = 'V';

// 'V' + 15 base32 characters (75 random bits): unguessable, and short enough for the 20-character IdToken.
export function generateVirtualIdTag(): string {
  const bytes = randomBytes(15);
  let tag = VIRTUAL_PREFIX;
  for (const byte of bytes) tag += BASE32[byte & 31];
  return tag;
}
