import { describe, expect, it } from 'vitest';
import { newRecoveryCode, normalizeRecoveryCode } from './recovery-codes';

describe('recovery codes', () => {
  it('are two groups of five characters that cannot be misread (no 0, O, 1, I or L)', () => {
    for (let i = 0; i < 200; i++) expect(newRecoveryCode()).toMatch(/^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/);
  });

  it('are read as typed from paper: any case, with or without the dash and spaces', () => {
    const code = newRecoveryCode();
    expect(normalizeRecoveryCode(code.toLowerCase())).toBe(code);
    expect(normalizeRecoveryCode(code.replace('-', ''))).toBe(code);
    expect(normalizeRecoveryCode(` ${code.slice(0, 3)} ${code.slice(3)} `)).toBe(code);
  });

  it('refuse what no code can be', () => {
    for (const typed of ['', 'ABCDE-FGH2', 'ABCDE-FGH2JK', 'ABCDE-FGH20', '123456']) expect(normalizeRecoveryCode(typed)).toBeNull();
  });
});
