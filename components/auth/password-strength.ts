export type StrengthLevel = 'weak' | 'fair' | 'good' | 'strong';

const COMMON = /^(password|qwerty|letmein|welcome|chargewatch|123456|abc123|iloveyou|admin)/i;

// A rough guide, not a gate: length counts most, variety a little, and obvious patterns sink it.
export function passwordStrength(password: string): StrengthLevel {
  if (password.length < 10 || COMMON.test(password) || /^(.)\1+$/.test(password)) return 'weak';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  const score = Math.min(password.length, 24) / 4 + classes;
  if (score >= 7.5) return 'strong';
  if (score >= 5.5) return 'good';
  return 'fair';
}
