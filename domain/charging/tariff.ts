export const CURRENCIES = ['EUR', 'USD', 'GBP', 'SEK', 'NOK', 'DKK', 'PLN', 'CHF'] as const;
export type Currency = (typeof CURRENCIES)[number];

const PRICE_SCALE = 4;

function toScaledInteger(decimal: string, scale: number) {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!match) throw new Error(`Not a non-negative decimal: ${decimal}`);
  const fraction = (match[2] ?? '').padEnd(scale, '0').slice(0, scale);
  return BigInt(match[1]!) * 10n ** BigInt(scale) + BigInt(fraction || '0');
}

// Exact decimal arithmetic: floats would drift on sums of many sessions. Rounded half-up to the
// currency's minor unit; every currency offered has two decimals.
export function computeCost(energyWh: number, pricePerKwh: string): string {
  const wh = BigInt(Math.max(0, Math.round(energyWh)));
  const exact = wh * toScaledInteger(pricePerKwh, PRICE_SCALE);
  const divisor = 10n ** BigInt(3 + PRICE_SCALE - 2);
  const cents = (exact + divisor / 2n) / divisor;
  return `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;
}
