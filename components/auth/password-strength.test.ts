import { describe, expect, it } from 'vitest';
import { passwordStrength } from './password-strength';

describe('passwordStrength', () => {
  it.each([
    ['short1!', 'weak'],
    ['password1234', 'weak'],
    ['aaaaaaaaaaaa', 'weak'],
    ['abcdefghij', 'fair'],
    ['Abcdefgh12', 'good'],
    ['correct horse battery staple', 'strong'],
    ['Tr0ub4dor&3xyz', 'strong'],
  ])('rates "%s" as %s', (password, level) => {
    expect(passwordStrength(password)).toBe(level);
  });
});
