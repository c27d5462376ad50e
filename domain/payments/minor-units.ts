// Every currency the app offers has two decimals (domain/charging/tariff.ts), so the minor unit is the cent.
export function toMinorUnits(amount: string): number {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) throw new Error(`Not an amount of money: ${amount}`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export function fromMinorUnits(minor: number): string {
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
}

// An amount in its currency as the reader's language writes it (€1,234.50, 1.234,50 €, 1 234,50 €).
export function moneyText(locale: string, amount: string, currency: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(toMinorUnits(amount) / 100);
}
