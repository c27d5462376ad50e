import { randomInt } from 'node:crypto';
import { hashToken } from './token';

export const RECOVERY_CODE_COUNT = 10;

// No 0/O or 1/I/L to misread from paper.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

// Ten characters from 31 (about 50 bits), shown as two groups of five: too many to guess in the few tries a login
// step allows, short enough to type from paper. Stored as sha-256 (hashToken), as every code is random.
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

// What the user typed, as it was issued: case, spaces and the dash do not matter.
export function normalizeRecoveryCode(typed: string): string | null {
  const chars = typed.toUpperCase().replace(/[\s-]/g, '');
  if (chars.length !== 10 || [...chars].some((char) => !ALPHABET.includes(char))) return null;
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export function hashRecoveryCode(code: string): string {
  return hashToken(code);
}
