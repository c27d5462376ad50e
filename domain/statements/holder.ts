// Whose statement: a member's (the sessions they are the user of) or a card's that is linked to no member (the
// sessions started with it and no user). A session is on exactly one holder's statement, so balances add up.
export type Holder = { userId: string; cardId?: undefined } | { cardId: string; userId?: undefined };

export function holderKey(holder: Holder): string {
  return holder.userId ? `user-${holder.userId}` : `card-${holder.cardId}`;
}

export function parseHolderKey(key: string): Holder | null {
  const match = /^(user|card)-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(key);
  if (!match) return null;
  return match[1] === 'user' ? { userId: match[2]! } : { cardId: match[2]! };
}
