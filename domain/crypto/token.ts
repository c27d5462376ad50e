import { createHash, randomBytes } from 'node:crypto';

// 256 random bits; only the sha-256 is stored, so a leaked table grants nothing.
export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
