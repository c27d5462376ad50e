export const CURRENCIES = ['EUR', 'USD', 'GBP', 'SEK', 'NOK', 'DKK', 'PLN', 'CHF'] as const;
export type Currency = (typeof CURRENCIES)[number];

const PRICE_SCALE = 4;

function toScaledInteger(decimal: string, scale: number) {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!match) throw new Error(`Not a decimal: ${decimal}`);
  const fraction = (match[3] ?? '').padEnd(scale, '0').slice(0, scale);
  const magnitude = BigInt(match[2]!) * 10n ** BigInt(scale) + BigInt(fraction || '0');
  return match[1] ? -magnitude : magnitude;
}

function centsToDecimal(cents: bigint) {
  const sign = cents < 0n ? '-' : '';
  const magnitude = cents < 0n ? -cents : cents;
  return `${sign}${magnitude / 100n}.${(magnitude % 100n).toString().padStart(2, '0')}`;
}

// Exact decimal arithmetic: floats would drift on sums of many sessions. Rounded half-up (half away from zero for
// a negative day-ahead price) to the currency's minor unit; every currency offered has two decimals.
export function computeCost(energyWh: number, pricePerKwh: string): string {
  const wh = BigInt(Math.max(0, Math.round(energyWh)));
  const exact = wh * toScaledInteger(pricePerKwh, PRICE_SCALE);
  const divisor = 10n ** BigInt(3 + PRICE_SCALE - 2);
  const magnitude = ((exact < 0n ? -exact : exact) + divisor / 2n) / divisor;
  return centsToDecimal(exact < 0n ? -magnitude : magnitude);
}

// The exact sum of amounts with at most two decimals.
export function sumAmounts(amounts: string[]): string {
  return centsToDecimal(amounts.reduce((sum, amount) => sum + toScaledInteger(amount, 2), 0n));
}
