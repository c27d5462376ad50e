import * as OTPAuth from 'otpauth';
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, matchTotp, newTotpSecret, totpCode, totpStep } from './totp';

// RFC 6238 Appendix B, SHA-1: the shared secret is the ASCII of "12345678901234567890"; apps show the last six digits.
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP codes', () => {
  it.each(RFC_VECTORS)('at %i s are the RFC 6238 test vector %s (its last six digits)', (seconds, eightDigits) => {
    expect(totpCode(RFC_SECRET, new Date(seconds * 1000))).toBe(eightDigits.slice(2));
  });

  it('agree with an independent implementation for fresh secrets', () => {
    for (let i = 0; i < 20; i++) {
      const secret = newTotpSecret();
      const at = Date.now() + i * 7919_000;
      const theirs = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at });
      expect(totpCode(secret, new Date(at))).toBe(theirs);
    }
  });

  it('secrets are 160 bits of base32 that round-trip', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Encode(base32Decode(secret))).toBe(secret);
    expect(base32Decode(secret.toLowerCase().replace(/(.{4})/g, '$1 '))).toEqual(base32Decode(secret));
  });
});

describe('matching a typed code', () => {
  const secret = newTotpSecret();
  const now = new Date('2026-12-02T10:00:10Z');
  const at = (steps: number) => new Date(now.getTime() + steps * 30_000);

  it('accepts the current step and one either side (a phone clock a little off), and answers which', () => {
    for (const steps of [-1, 0, 1]) expect(matchTotp(secret, totpCode(secret, at(steps)), { at: now, lastUsedStep: null })).toBe(totpStep(at(steps)));
    expect(matchTotp(secret, totpCode(secret, at(2)), { at: now, lastUsedStep: null })).toBeNull();
    expect(matchTotp(secret, totpCode(secret, at(-2)), { at: now, lastUsedStep: null })).toBeNull();
  });

  it('refuses a step already used, or one before it (a replayed code)', () => {
    const code = totpCode(secret, now);
    expect(matchTotp(secret, code, { at: now, lastUsedStep: totpStep(now) })).toBeNull();
    expect(matchTotp(secret, totpCode(secret, at(-1)), { at: now, lastUsedStep: totpStep(now) })).toBeNull();
    expect(matchTotp(secret, totpCode(secret, at(1)), { at: now, lastUsedStep: totpStep(now) })).toBe(totpStep(at(1)));
  });

  it('refuses anything but six digits', () => {
    for (const typed of ['', '12345', '1234567', 'abcdef', ' 123456']) expect(matchTotp(secret, typed, { at: now, lastUsedStep: null })).toBeNull();
  });
});
