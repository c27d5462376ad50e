// Stripe's own test card numbers, and what each does when charged off session: succeeds, is declined, or needs the
// cardholder to confirm (which an off-session charge cannot do).
export type TestCard = { brand: string; last4: string; outcome: 'succeeds' | 'card_declined' | 'authentication_required' };

const CARDS: Record<string, Omit<TestCard, 'last4'>> = {
  '4242424242424242': { brand: 'visa', outcome: 'succeeds' },
  '5555555555554444': { brand: 'mastercard', outcome: 'succeeds' },
  '4000000000000002': { brand: 'visa', outcome: 'card_declined' },
  '4000002760003184': { brand: 'visa', outcome: 'authentication_required' },
};

export function testCard(number: string): TestCard | null {
  const digits = number.replace(/\D/g, '');
  const card = CARDS[digits];
  return card ? { ...card, last4: digits.slice(-4) } : null;
}

export const TEST_CARD_NUMBERS = Object.keys(CARDS);
