import type { CardStatus } from '../../db/schema';

export type CardState = 'active' | 'blocked' | 'expired';

// What the owner sees; it mirrors domain/charging/authorize-card.ts, where blocked wins over expired.
export function cardState({ status, expiresAt }: { status: CardStatus; expiresAt: Date | null }, now: Date): CardState {
  if (status === 'blocked') return 'blocked';
  if (expiresAt && expiresAt <= now) return 'expired';
  return 'active';
}
