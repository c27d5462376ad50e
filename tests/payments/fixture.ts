import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { memberships, payments, statements, type MemberRole } from '@/db/schema';
import { makeAccount, makeUser } from '@/db/seed/builders';

let month = 0;

// An issued statement: each one its own month, so that a member may hold several.
export async function makeStatement(db: Database, { accountId, userId, amount = '12.34', currency = 'EUR' as string | null }: { accountId: string; userId: string; amount?: string; currency?: string | null }) {
  month += 1;
  const start = new Date(Date.UTC(2000 + Math.floor(month / 12), month % 12, 1));
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  const [statement] = await db
    .insert(statements)
    .values({
      accountId,
      userId,
      periodStart: start.toISOString().slice(0, 10),
      periodEnd: end.toISOString().slice(0, 10),
      sessionCount: 3,
      energyWh: 24_680,
      amount,
      currency,
      transferReference: `CW-${randomBytes(5).toString('hex').toUpperCase()}`,
    })
    .returning();
  return statement!;
}

export async function makeAccountWithMembers(db: Database) {
  const verified = { emailVerifiedAt: new Date() };
  const owner = await makeUser(db, verified);
  const account = await makeAccount(db, { owner });
  const join = async (role: MemberRole) => {
    const user = await makeUser(db, { ...verified, locale: 'de' });
    await db.insert(memberships).values({ accountId: account.id, userId: user.id, role });
    return user;
  };
  return { account, owner, coOwner: await join('member'), driver: await join('driver'), otherDriver: await join('driver') };
}

export const statementRow = async (db: Database, id: string) => (await db.select().from(statements).where(eq(statements.id, id)))[0]!;
export const paymentsOf = (db: Database, statementId: string) => db.select().from(payments).where(eq(payments.statementId, statementId));
