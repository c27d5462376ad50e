import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// For machine-generated secrets with 144 random bits (charger connection passwords): guessing is
// hopeless, so a fast SHA-256 is enough, and 20,000 chargers reconnecting cost no scrypt each.
export function generateSecret(): string {
  return randomBytes(18).toString('base64url');
}

export function hashSecret(secret: string): string {
  return `sha256$${createHash('sha256').update(secret).digest('hex')}`;
}

export function verifySecret(secret: string, stored: string): boolean {
  const expected = Buffer.from(stored);
  const actual = Buffer.from(hashSecret(secret));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
