import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { cards, memberships } from '../../db/schema';

// OCPP 1.6 §7.2 AuthorizationStatus, minus ConcurrentTx which this platform does not issue.
export type CardAuthorizationStatus = 'Accepted' | 'Blocked' | 'Expired' | 'Invalid';

// `charger`: the tag was presented at the charger (RFID); `remoteStart`: the app asked for a start on the user's behalf.
export type AuthorizationContext = 'charger' | 'remoteStart';

export type CardAuthorization = {
  status: CardAuthorizationStatus;
  expiresAt: Date | null;
  card: { id: string; userId: string | null } | null;
};

type AuthorizeCardInput = { accountId: string; idTag: string; context: AuthorizationContext; now?: Date };

export async function authorizeCard(db: Executor, { accountId, idTag, context, now = new Date() }: AuthorizeCardInput) {
  return decide(await findCard(db, { accountId, idTag }), context, now);
}

// The account's card with this tag (letter case aside), with whether its linked user is still a member.
export async function findCard(db: Executor, { accountId, idTag }: { accountId: string; idTag: string }): Promise<CardRow | null> {
  const [row] = await db
    .select({
      id: cards.id,
      kind: cards.kind,
      status: cards.status,
      userId: cards.userId,
      expiresAt: cards.expiresAt,
      memberUserId: memberships.userId,
    })
    .from(cards)
    .leftJoin(memberships, and(eq(memberships.accountId, cards.accountId), eq(memberships.userId, cards.userId)))
    .where(and(eq(cards.accountId, accountId), sql`upper(${cards.idTag}) = upper(${idTag})`, isNull(cards.deletedAt)))
    .limit(1);
  return row ?? null;
}

type CardRow = {
  id: string;
  kind: 'physical' | 'virtual';
  status: 'active' | 'blocked';
  userId: string | null;
  expiresAt: Date | null;
  memberUserId: string | null;
};

export function decide(row: CardRow | null, context: AuthorizationContext, now: Date): CardAuthorization {
  const invalid: CardAuthorization = { status: 'Invalid', expiresAt: null, card: null };
  if (!row) return invalid;
  const card = { id: row.id, userId: row.userId };
  // A virtual card's tag is only a handle for app-initiated sessions; someone typing it into a charger is not its holder.
  if (row.kind === 'virtual' && context !== 'remoteStart') return { ...invalid, card };
  if (row.userId && !row.memberUserId) return { ...invalid, card };
  if (row.status === 'blocked') return { status: 'Blocked', expiresAt: row.expiresAt, card };
  if (row.expiresAt && row.expiresAt <= now) return { status: 'Expired', expiresAt: row.expiresAt, card };
  return { status: 'Accepted', expiresAt: row.expiresAt, card };
}
