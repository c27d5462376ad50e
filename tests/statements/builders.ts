import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { accounts, memberships, sessionCostLines, type PriceBasis } from '@/db/schema';
import { makeAccount, makeCard, makeCharger, makeUser } from '@/db/seed/builders';
import { addSession } from '../sessions/builders';

type LineInput = { startsAt: string; endsAt: string; energyWh: number; pricePerKwh?: string | null; cost?: string | null; basis?: PriceBasis };

// A finished session with its cost lines as the prices branch writes them (its cost the sum of its lines); prices are
// given, never computed here.
export async function addCostedSession(
  db: Executor,
  input: { accountId: string; chargerId: string; userId?: string | null; cardId?: string | null; idTag?: string; currency?: string; lines: LineInput[] },
) {
  const first = input.lines[0]!;
  const last = input.lines.at(-1)!;
  const energyWh = input.lines.reduce((total, line) => total + line.energyWh, 0);
  const minutes = (Date.parse(last.endsAt) - Date.parse(first.startsAt)) / 60_000;
  const session = await addSession(db, { chargerId: input.chargerId, userId: input.userId, cardId: input.cardId, idTag: input.idTag, startedAt: new Date(first.startsAt), minutes, energyWh });
  await db.insert(sessionCostLines).values(
    input.lines.map((line) => ({
      transactionId: session.id,
      accountId: input.accountId,
      startsAt: new Date(line.startsAt),
      endsAt: new Date(line.endsAt),
      energyWh: line.energyWh,
      pricePerKwh: line.cost === null ? null : (line.pricePerKwh ?? '0.2500'),
      cost: line.cost ?? null,
      currency: line.cost === null ? null : (input.currency ?? 'EUR'),
      basis: line.cost === null ? null : (line.basis ?? 'fixed'),
    })),
  );
  return session;
}

// An account in Vilnius with a co-owner, a driver, a driver's card and a card linked to nobody, and one charger with
// an address; a stranger's account beside it.
export async function statementsFixture(db: Executor) {
  const owner = await makeUser(db, { name: 'Owner Olga', emailVerifiedAt: new Date() });
  const driver = await makeUser(db, { name: 'Driver Dovilė', emailVerifiedAt: new Date(), locale: 'lt' });
  const account = await makeAccount(db, { owner });
  await db.update(accounts).set({ timeZone: 'Europe/Vilnius' }).where(eq(accounts.id, account.id));
  await db.insert(memberships).values({ accountId: account.id, userId: driver.id, role: 'driver' });
  const charger = await makeCharger(db, { accountId: account.id, name: 'Garage', identity: `GARAGE-${account.id.slice(0, 8)}`, address: 'Gedimino pr. 1, Vilnius' });
  const driverCard = await makeCard(db, { accountId: account.id, userId: driver.id, label: 'Dovilė’s fob' });
  const poolCard = await makeCard(db, { accountId: account.id, label: 'Company car' });
  const stranger = await makeAccount(db);
  const theirCharger = await makeCharger(db, { accountId: stranger.id });
  return { owner, driver, account, charger, driverCard, poolCard, stranger, theirCharger };
}
